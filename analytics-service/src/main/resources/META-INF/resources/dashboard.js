// The analytics dashboard: reads the public analytics API and renders it; live through server-sent events.
"use strict";

const API = "api/analytics";
const FUNNEL_STAGES = [
  ["impressions", "Awareness"], ["leads", "Leads"], ["qualified", "Qualified"], ["proposals", "Proposal"], ["won", "Won"],
];

// Figures are shown the same way everywhere, so a reader (and the browser test) can trace each one to the API.
const format = {
  count: v => v === null || v === undefined ? "—" : Number(v).toLocaleString("en-US"),
  percent: v => v === null || v === undefined ? "—" : (Number(v) * 100).toFixed(2) + "%",
  money: v => v === null || v === undefined ? "—"
    : Number(v).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  days: v => v === null || v === undefined ? "—" : Number(v).toFixed(1) + " d",
  multiple: v => v === null || v === undefined ? "—" : Number(v).toFixed(2) + "×",
  won: v => v === null || v === undefined ? "—" : (Number.isInteger(Number(v)) ? Number(v).toString() : Number(v).toFixed(2)),
};

const $ = selector => document.querySelector(selector);
let funnelChart;
let revenueChart;

/** The filters as API query parameters; "to" is exclusive in the API, so the chosen day is included. */
function period() {
  const params = new URLSearchParams();
  if ($("#from").value) params.set("from", $("#from").value);
  if ($("#to").value) {
    const to = new Date($("#to").value + "T00:00:00Z");
    to.setUTCDate(to.getUTCDate() + 1);
    params.set("to", to.toISOString().slice(0, 10));
  }
  return params;
}

function withChannel(params) {
  if ($("#channel").value) params.set("channel", $("#channel").value);
  return params;
}

/** Thrown when the API wants a token: the page asks the person for one instead of showing an error. */
class SignInNeeded extends Error {}

async function get(path, params) {
  const response = await fetch(`${API}/${path}?${params}`, { headers: { Accept: "application/json" } });
  if (response.status === 401) throw new SignInNeeded();
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not problem+json */ }
    throw new Error(`${path}: ${response.status} ${detail}`);
  }
  return response.json();
}

function showError(error) {
  const box = $("#error");
  box.hidden = !error;
  box.textContent = error ? `Could not load the figures (${error.message}).` : "";
}

function renderFunnel(funnel) {
  document.querySelectorAll("[data-field]").forEach(cell => {
    const value = funnel[cell.dataset.field];
    cell.textContent = format[cell.dataset.format || "count"](value);
  });
  const data = FUNNEL_STAGES.map(([field]) => Number(funnel[field] || 0));
  if (!funnelChart) {
    funnelChart = new Chart($("#funnel-chart"), {
      type: "bar",
      data: { labels: FUNNEL_STAGES.map(([, label]) => label), datasets: [{ label: "count", data, backgroundColor: "#2f6fde" }] },
      // a logarithmic axis: impressions outnumber won deals by orders of magnitude
      options: { indexAxis: "y", animation: false, plugins: { legend: { display: false } },
        scales: { x: { type: "logarithmic", min: 0.8 } } },
    });
  } else {
    funnelChart.data.datasets[0].data = data;
    funnelChart.update();
  }
}

function row(cells) {
  const tr = document.createElement("tr");
  cells.forEach(text => {
    const td = document.createElement("td");
    td.textContent = text; // textContent: campaign names are user input and must never become markup
    tr.appendChild(td);
  });
  return tr;
}

function renderCampaigns(rows) {
  const body = $("#campaigns tbody");
  body.replaceChildren(...rows.map(c => row([c.name ?? "(no campaign)", c.channel ?? "", format.money(c.spend),
    format.count(c.leads), format.count(c.won), format.money(c.revenue), format.money(c.costPerLead),
    format.money(c.cac), format.multiple(c.roas)])));
}

function renderRevenue(points) {
  const labels = points.map(p => String(p.start).slice(0, 10));
  const data = points.map(p => Number(p.value ?? 0));
  if (!revenueChart) {
    revenueChart = new Chart($("#revenue-chart"), {
      type: "line",
      data: { labels, datasets: [{ label: "revenue", data, borderColor: "#2f6fde", tension: 0.2 }] },
      options: { animation: false, plugins: { legend: { display: false } } },
    });
  } else {
    revenueChart.data.labels = labels;
    revenueChart.data.datasets[0].data = data;
    revenueChart.update();
  }
}

function renderAttribution(attribution) {
  $("#attribution tbody").replaceChildren(...attribution.campaigns.map(c => row([
    c.name ?? "(unattributed)", c.channel ?? "", format.won(c.won), format.money(c.revenue)])));
  document.querySelector('[data-total="won"]').textContent = format.won(attribution.totalWon);
  document.querySelector('[data-total="revenue"]').textContent = format.money(attribution.totalRevenue);
}

async function refresh() {
  try {
    const model = document.querySelector('input[name="model"]:checked').value;
    const interval = $("#interval").value;
    const timeseries = withChannel(period());
    timeseries.set("metric", "revenue");
    timeseries.set("interval", interval);
    const attribution = period();
    attribution.set("model", model);
    const [funnel, campaigns, revenue, attributed] = await Promise.all([
      get("funnel", withChannel(period())), get("campaigns", period()), get("timeseries", timeseries),
      get("attribution", attribution)]);
    renderFunnel(funnel);
    const channel = $("#channel").value;
    renderCampaigns(channel ? campaigns.filter(c => c.channel === channel) : campaigns);
    renderRevenue(revenue);
    renderAttribution(attributed);
    showError(null);
    document.body.dataset.loaded = String(Date.now()); // lets a test wait for a finished render
  } catch (error) {
    if (error instanceof SignInNeeded) askForToken(); else showError(error);
  }
}

// Signing in: the token goes to the server once, which keeps it as an HttpOnly cookie; this script never stores it.
async function signIn(token) {
  const response = await fetch(`${API}/session`, { method: "POST", headers: { Authorization: `Bearer ${token.trim()}` } });
  if (response.status === 204) return null;
  let detail = response.statusText;
  try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not problem+json */ }
  return detail;
}

function askForToken() {
  if (stream) stream.close();
  $("#live").textContent = "signed out";
  $("#live").classList.remove("on");
  $("#sign-out").hidden = true;
  if (!$("#sign-in").open) $("#sign-in").showModal();
}

$("#sign-in-form").addEventListener("submit", async event => {
  event.preventDefault();
  const problem = await signIn($("#token").value);
  $("#sign-in-error").hidden = !problem;
  $("#sign-in-error").textContent = problem ? `Not signed in: ${problem}` : "";
  if (problem) return;
  $("#token").value = "";
  $("#sign-in").close();
  $("#sign-out").hidden = false;
  restart();
});

$("#sign-out").addEventListener("click", async () => {
  await fetch(`${API}/session`, { method: "DELETE" });
  askForToken();
});

// Live: the server pushes the funnel when it changes; the other panels follow at most every 2 s.
let pending;
function listen() {
  const live = $("#live");
  const stream = new EventSource(`${API}/stream?${withChannel(period())}`);
  stream.onopen = () => { live.textContent = "live"; live.classList.add("on"); };
  stream.onerror = () => { live.textContent = "reconnecting…"; live.classList.remove("on"); };
  stream.onmessage = message => {
    renderFunnel(JSON.parse(message.data));
    if (!pending) pending = setTimeout(() => { pending = undefined; refresh(); }, 2000);
  };
  return stream;
}

let stream;
function restart() {
  if (stream) stream.close();
  refresh();
  stream = listen();
}

document.querySelectorAll("#filters input, #filters select").forEach(input => input.addEventListener("change", restart));
document.querySelectorAll('input[name="model"], #interval').forEach(input => input.addEventListener("change", refresh));

// A link with #token=... (what ./funnel up prints) signs in at once; the token is then taken out of the address bar.
async function start() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.has("token")) {
    history.replaceState(null, "", location.pathname + location.search);
    const problem = await signIn(fragment.get("token"));
    if (problem) showError(new Error(`the link's token was refused: ${problem}`));
  }
  $("#sign-out").hidden = false;
  restart();
}
start();
