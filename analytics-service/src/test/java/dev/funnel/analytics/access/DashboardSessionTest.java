package dev.funnel.analytics.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.testing.FunnelInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's sign-in: an analyst token sent once comes back as an HttpOnly, SameSite=Strict cookie that alone
 * authorises the API; signing out clears it; a token without the analyst role gets no cookie. Plain HTTP calls, so
 * nothing adds a token the test did not choose.
 */
@QuarkusTest
@QuarkusTestResource(value = FunnelInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class DashboardSessionTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/api/analytics/session")
    URL session;

    @TestHTTPResource("/api/analytics/funnel")
    URL funnel;

    @Test
    void anAnalystTokenBecomesAnHttpOnlyCookieThatAuthorisesTheApiUntilSignOut() throws Exception {
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(session.toURI())
                .header("Authorization", "Bearer " + FunnelInfrastructure.token("analyst"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(signIn.statusCode()).isEqualTo(204);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("funnel_token=ey").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .containsPattern("Max-Age=3[56]\\d\\d");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(send(get(funnel.toURI()).header("Cookie", cookie)).statusCode()).isEqualTo(200);
        assertThat(send(get(funnel.toURI())).statusCode()).isEqualTo(401);

        HttpResponse<String> signOut = send(HttpRequest.newBuilder(session.toURI()).DELETE().header("Cookie", cookie));
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("funnel_token=;")
                .contains("Max-Age=0");
    }

    @Test
    void aTokenWithoutTheAnalystRoleGetsNoCookie() throws Exception {
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(session.toURI())
                .header("Authorization", "Bearer " + FunnelInfrastructure.token("marketer"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(signIn.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
