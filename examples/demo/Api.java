import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The demo backend: JSON from the H2 database over HTTP, JDK only (plus the H2 JDBC driver). */
public class Api {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        String url = System.getenv("DATABASE_URL");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/health", ex -> {
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                c.createStatement().execute("SELECT 1");
                send(ex, 200, "{\"status\":\"ok\"}");
            } catch (SQLException e) {
                System.err.println("health: database unreachable: " + e.getMessage());
                send(ex, 503, "{\"status\":\"database unreachable\"}");
            }
        });
        server.createContext("/api/greetings", ex -> {
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                 ResultSet rs = c.createStatement().executeQuery("SELECT text FROM greeting ORDER BY id")) {
                List<String> items = new ArrayList<>();
                while (rs.next()) {
                    items.add("\"" + rs.getString(1).replace("\"", "\\\"") + "\"");
                }
                System.out.println("GET /api/greetings -> " + items.size() + " rows");
                send(ex, 200, "[" + String.join(",", items) + "]");
            } catch (SQLException e) {
                System.err.println("query failed: " + e.getMessage());
                send(ex, 500, "{\"error\":\"query failed\"}");
            }
        });
        server.start();
        System.out.println("api listening on http://127.0.0.1:" + port + " (database " + url + ")");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
