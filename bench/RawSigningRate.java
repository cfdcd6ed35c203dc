import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.util.concurrent.atomic.LongAdder;

/**
 * The raw RS256 signing rate of this machine's cores, with the provider the server uses:
 * the yardstick for "RS256 token issuance within 20 % of raw signing". After 2 s of warm-up, prints the
 * provider, the signatures made by all threads together in the measured seconds, and the CPU-seconds
 * those threads used (each thread's own CPU time: the per-CPU-second rate compares fairly with a server
 * that shares the cores with its load generator). Counts rather than rates, so that bench/run.sh can add
 * up rounds that alternate with the server's.
 * Run: java -cp 'bootstrap/target/libs/*' bench/RawSigningRate.java <threads> <seconds>
 */
public class RawSigningRate {
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        if (AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() == null) {
            Security.insertProviderAt(AmazonCorrettoCryptoProvider.INSTANCE, 1);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] payload = ("eyJraWQiOiJrIiwidHlwIjoiYXQrand0IiwiYWxnIjoiUlMyNTYifQ."
                + "eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0Iiwic3ViIjoibXlhcHAifQ").getBytes(StandardCharsets.US_ASCII);
        LongAdder signed = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                try {
                    Signature signature = Signature.getInstance("SHA256withRSA");
                    signature.initSign(pair.getPrivate()); // as the server's signer: sign() leaves it ready for the next
                    long cpuAtWarmupEnd = -1;
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= warmupEnd && cpuAtWarmupEnd < 0) {
                            cpuAtWarmupEnd = cpu.getCurrentThreadCpuTime();
                        }
                        if (now >= end) {
                            cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuAtWarmupEnd);
                            return;
                        }
                        signature.update(payload);
                        signature.sign();
                        if (now >= warmupEnd) {
                            signed.increment();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("%s %d %.3f%n", Security.getProviders()[0].getName(), signed.sum(), cpuNanos.sum() / 1e9);
    }
}
