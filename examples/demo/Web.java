import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The demo frontend: one page that fetches /api/greetings, proxied to the api service. JDK only. */
public class Web {
    private static final String PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>dev demo</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
            <h1>dev demo</h1>
            <p>This page is served by <code>web</code>; the greetings come from <code>api</code>,
            which reads them from the H2 database <code>db</code>, filled by the <code>migrate</code> task.</p>
            <ul id="greetings"><li>loading…</li></ul>
            <script>
            fetch('/api/greetings').then(r => r.json()).then(items => {
              document.getElementById('greetings').innerHTML = items.map(t => '<li>' + t + '</li>').join('');
            });
            </script>
            </body></html>
            """;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        String api = System.getenv("API_URL");
        HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", ex -> send(ex, 200, "text/html", PAGE));
        server.createContext("/api/", ex -> {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(api + ex.getRequestURI()))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                System.out.println("proxied " + ex.getRequestURI() + " -> " + r.statusCode());
                send(ex, r.statusCode(), "application/json", r.body());
            } catch (IOException | InterruptedException e) {
                System.err.println("api unreachable: " + e);
                send(ex, 502, "text/plain", "api unreachable");
            }
        });
        server.start();
        System.out.println("web listening on http://127.0.0.1:" + port + " (api at " + api + ")");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
