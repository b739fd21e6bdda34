package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** The tiny resource every candidate serves. JSON is written as a String: no JSON provider is loaded. */
@Path("/")
public class AgentResource {
    /** About 6.6 KB of JSON, built once. */
    static final String METRICS = buildMetrics();

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public String health() {
        return "{\"status\":\"ok\"}";
    }

    @GET
    @Path("api/metrics")
    @Produces(MediaType.APPLICATION_JSON)
    public String metrics() {
        return METRICS;
    }

    /** Three events one second apart, written from a separate thread, then the stream is closed. */
    @GET
    @Path("api/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        Thread t = new Thread(() -> {
            try (sink) {
                for (int i = 1; i <= 3; i++) {
                    sink.send(sse.newEventBuilder().name("tick").data(String.class,
                            "{\"n\":" + i + ",\"t\":" + System.currentTimeMillis() + "}").build());
                    if (i < 3) {
                        Thread.sleep(1000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sse-writer");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The same three events without jersey-media-sse's SseEventSink: a StreamingOutput written on the request
     * thread, flushed after each event. Needs no suspend(), so it also runs on containers without async support.
     */
    @GET
    @Path("api/events-plain")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public StreamingOutput eventsPlain() {
        return out -> {
            for (int i = 1; i <= 3; i++) {
                out.write(("event: tick\ndata: {\"n\":" + i + ",\"t\":" + System.currentTimeMillis() + "}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (i < 3) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        };
    }

    private static String buildMetrics() {
        StringBuilder b = new StringBuilder(7000);
        b.append("{\"hostname\":\"node-01.example.net\",\"uptimeSeconds\":1234567,\"load\":[0.12,0.08,0.05],")
         .append("\"memory\":{\"totalKb\":2048000,\"availableKb\":1536000,\"swapTotalKb\":0,\"swapFreeKb\":0},")
         .append("\"cpus\":[");
        for (int i = 0; i < 8; i++) {
            if (i > 0) b.append(',');
            b.append("{\"cpu\":").append(i).append(",\"user\":123456,\"nice\":12,\"system\":45678,\"idle\":9876543,")
             .append("\"iowait\":321,\"irq\":0,\"softirq\":87}");
        }
        b.append("],\"disks\":[");
        for (int i = 0; i < 6; i++) {
            if (i > 0) b.append(',');
            b.append("{\"mount\":\"/mnt/volume").append(i).append("\",\"device\":\"/dev/vd").append((char) ('a' + i))
             .append("1\",\"fs\":\"ext4\",\"totalKb\":41152736,\"usedKb\":12345678,\"freeKb\":26712345}");
        }
        b.append("],\"interfaces\":[");
        int n = 0;
        while (b.length() < 6500) {
            if (n > 0) b.append(',');
            b.append("{\"name\":\"eth").append(n).append("\",\"rxBytes\":123456789012,\"txBytes\":98765432109,")
             .append("\"rxPackets\":12345678,\"txPackets\":8765432,\"rxErrors\":0,\"txErrors\":0}");
            n++;
        }
        b.append("],\"services\":{\"haproxy\":\"active\",\"ufw\":\"active\"}}");
        return b.toString();
    }
}
