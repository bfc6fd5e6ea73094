package dev.scimctl.scim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a cap. The cap is enforced while reading: past it the exchange is cancelled, so a server
 * that sends a gigabyte costs at most the cap in memory. The bytes stay in the chunks they arrived in (no doubling
 * copy) and are parsed from a stream over them.
 */
final class Body {
    static final Body EMPTY = new Body(List.of(), 0);

    private final List<byte[]> chunks;
    private final long length;

    private Body(List<byte[]> chunks, long length) {
        this.chunks = chunks;
        this.length = length;
    }

    static Body of(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? EMPTY : new Body(List.of(bytes), bytes.length);
    }

    /** All of it in one array (for {@code scimctl api}, which prints the body as it came). */
    byte[] bytes() {
        try (InputStream in = stream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory: cannot happen
        }
    }

    long length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    InputStream stream() {
        List<InputStream> parts = new ArrayList<>(chunks.size());
        chunks.forEach(c -> parts.add(new ByteArrayInputStream(c)));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /** The first bytes, for messages (an HTML page's title, the kind of body). */
    byte[] head(int max) {
        byte[] out = new byte[(int) Math.min(max, length)];
        int at = 0;
        for (byte[] c : chunks) {
            if (at >= out.length) {
                break;
            }
            int n = Math.min(c.length, out.length - at);
            System.arraycopy(c, 0, out, at, n);
            at += n;
        }
        return out;
    }

    /** Thrown (inside the HTTP client) when a body passes the cap; {@link ScimClient} turns it into exit 6. */
    static final class TooLargeException extends IOException {
        final long limit;
        final long declared;

        TooLargeException(long limit, long declared) {
            super("response body larger than " + limit + " bytes");
            this.limit = limit;
            this.declared = declared;
        }
    }

    /** A body handler that reads at most {@code limit} bytes; a declared Content-Length above it fails at once. */
    static HttpResponse.BodyHandler<Body> handler(long limit) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new Subscriber(limit, declared);
        };
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<Body> {
        private final long limit;
        private final long declared;
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final List<byte[]> chunks = new ArrayList<>();
        private long length;
        private Flow.Subscription subscription;

        Subscriber(long limit, long declared) {
            this.limit = limit;
            this.declared = declared;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > limit) {
                s.cancel();
                result.completeExceptionally(new TooLargeException(limit, declared));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                length += b.remaining();
                if (length > limit) {
                    chunks.clear();
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException(limit, declared));
                    return;
                }
                byte[] c = new byte[b.remaining()];
                b.get(c);
                chunks.add(c);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(length == 0 ? EMPTY : new Body(List.copyOf(chunks), length));
        }
    }
}
