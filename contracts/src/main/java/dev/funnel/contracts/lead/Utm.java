package dev.funnel.contracts.lead;

/** UTM parameters of the link that brought the lead in; every field optional. */
public record Utm(String source, String medium, String campaign, String term, String content) {
}
