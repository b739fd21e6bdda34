package bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * Keep-alive latency client over mutual TLS: WARMUP then N sequential GETs on one kept-alive connection
 * (HttpsURLConnection's keep-alive cache), prints "p50_ms p99_ms bytes".
 * Usage: Client URL CLIENT_P12 TRUST_P12 PASSWORD WARMUP N
 */
public final class Client {
    public static void main(String[] a) throws Exception {
        char[] pw = a[3].toCharArray();
        KeyStore ks = Main.load(Path.of(a[1]), pw);
        KeyStore ts = Main.load(Path.of(a[2]), pw);
        SSLContext ctx = Main.sslContext(ks, ts, pw);
        // One factory for all requests: HttpsURLConnection keys its keep-alive cache on the factory too,
        // so a new factory per request (ctx.getSocketFactory() makes one per call) means a new handshake each time.
        javax.net.ssl.SSLSocketFactory factory = ctx.getSocketFactory();
        URL url = URI.create(a[0]).toURL();
        int warm = Integer.parseInt(a[4]);
        int n = Integer.parseInt(a[5]);
        long[] t = new long[n];
        int bytes = 0;
        byte[] buf = new byte[16384];
        for (int i = -warm; i < n; i++) {
            long t0 = System.nanoTime();
            HttpsURLConnection c = (HttpsURLConnection) url.openConnection();
            c.setSSLSocketFactory(factory);
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("HTTP " + c.getResponseCode());
            }
            int len = 0;
            try (InputStream in = c.getInputStream()) {
                for (int r; (r = in.read(buf)) > 0; ) {
                    len += r;
                }
            }
            long dt = System.nanoTime() - t0;
            if (i >= 0) {
                t[i] = dt;
                bytes = len;
            }
        }
        Arrays.sort(t);
        System.out.printf("%.3f %.3f %d%n", t[n / 2] / 1e6, t[(int) Math.ceil(n * 0.99) - 1] / 1e6, bytes);
    }

    private Client() {
    }
}
