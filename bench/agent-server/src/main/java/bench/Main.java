package bench;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Serves {@link AgentResource} over mutual TLS with one candidate container.
 * Usage: Main jdk|grizzly|jetty|netty PORT SERVER_P12 CLIENT_CA_P12 PASSWORD
 * The server certificate chain is in SERVER_P12; CLIENT_CA_P12 holds the only issuer trusted for clients.
 * A client certificate is REQUIRED at the handshake for every candidate.
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: Main jdk|grizzly|jetty|netty PORT SERVER_P12 CLIENT_CA_P12 PASSWORD");
            System.exit(2);
        }
        String which = args[0];
        int port = Integer.parseInt(args[1]);
        char[] pw = args[4].toCharArray();
        KeyStore ks = load(Path.of(args[2]), pw);
        KeyStore ts = load(Path.of(args[3]), pw);
        URI uri = URI.create("https://127.0.0.1:" + port + "/");
        ResourceConfig rc = new ResourceConfig(AgentResource.class)
                // no WADL: it would look for JAXB at start-up, and the agent does not serve it
                .property(org.glassfish.jersey.server.ServerProperties.WADL_FEATURE_DISABLE, true);
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            // JDK HttpServer: TCP_NODELAY is off by default; with Nagle + delayed ACK keep-alive answers stall ~40-90 ms
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Runnable stop = switch (which) {
            case "jdk" -> Servers.jdk(uri, rc, sslContext(ks, ts, pw));
            case "grizzly" -> Servers.grizzly(uri, rc, sslContext(ks, ts, pw));
            case "jetty" -> Servers.jetty(uri, rc, sslContext(ks, ts, pw));
            case "netty" -> Servers.netty(uri, rc, ks, ts, pw);
            default -> throw new IllegalArgumentException("unknown candidate " + which);
        };
        System.out.println("listening " + which + " " + uri);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            done.countDown();
        }));
        done.await();
    }

    static KeyStore load(Path p, char[] pw) throws Exception {
        KeyStore k = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p)) {
            k.load(in, pw);
        }
        return k;
    }

    static SSLContext sslContext(KeyStore ks, KeyStore ts, char[] pw) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private Main() {
    }
}
