package bench;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.net.URI;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** One method per candidate; each returns how to stop it. Classes of the other candidates are never loaded. */
final class Servers {
    /** JDK com.sun.net.httpserver.HttpsServer; timeouts and the connection cap are JDK system properties. */
    static Runnable jdk(URI uri, ResourceConfig rc, SSLContext ctx) {
        com.sun.net.httpserver.HttpServer s =
                org.glassfish.jersey.jdkhttp.JdkHttpServerFactory.createHttpServer(uri, rc, ctx, false);
        ((HttpsServer) s).setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        s.start();
        return () -> s.stop(0);
    }

    static Runnable grizzly(URI uri, ResourceConfig rc, SSLContext ctx) throws Exception {
        // (context, clientMode, needClientAuth, wantClientAuth): wantClientAuth MUST stay false, because
        // SSLEngine.setWantClientAuth(true), applied after setNeedClientAuth(true), turns "need" back off
        // and a client without a certificate is let in.
        org.glassfish.grizzly.ssl.SSLEngineConfigurator sec =
                new org.glassfish.grizzly.ssl.SSLEngineConfigurator(ctx, false, true, false);
        org.glassfish.grizzly.http.server.HttpServer s =
                org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory.createHttpServer(uri, rc, true, sec, false);
        s.start();
        return s::shutdownNow;
    }

    static Runnable jetty(URI uri, ResourceConfig rc, SSLContext ctx) throws Exception {
        org.eclipse.jetty.util.ssl.SslContextFactory.Server f = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        f.setSslContext(ctx);
        f.setNeedClientAuth(true);
        org.eclipse.jetty.server.Server s =
                org.glassfish.jersey.jetty.JettyHttpContainerFactory.createServer(uri, f, rc);
        return () -> {
            try {
                s.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static Runnable netty(URI uri, ResourceConfig rc, KeyStore ks, KeyStore ts, char[] pw) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        io.netty.handler.ssl.SslContext ssl = io.netty.handler.ssl.SslContextBuilder.forServer(kmf)
                .trustManager(tmf)
                .clientAuth(io.netty.handler.ssl.ClientAuth.REQUIRE)
                .sslProvider(io.netty.handler.ssl.SslProvider.JDK)
                .build();
        io.netty.channel.Channel ch =
                org.glassfish.jersey.netty.httpserver.NettyHttpContainerProvider.createServer(uri, rc, ssl, false);
        return () -> ch.close().awaitUninterruptibly();
    }

    private Servers() {
    }
}
