package io.kdg4j.local.internal.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AsciiString;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One port that speaks HTTP/1.1 and cleartext HTTP/2 (with prior knowledge, as the AWS SDK's Netty client does,
 * or by upgrade): every request, whichever the protocol, is aggregated whole and handed to one dispatcher.
 * Netty is used because the SDK already brings it and because a default-built async Kinesis client speaks
 * HTTP/2 and hangs against servers that do not.
 */
public final class HttpServer implements AutoCloseable {
    private static final int IDLE_SECONDS = 120;
    private static final int CONNECTION_WINDOW = 32 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(HttpServer.class.getName());

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService handlers;
    private final Channel channel;
    private final Dispatcher dispatcher;

    /** Handles a request; may answer later (latency) or never (dropped connection). */
    public interface Dispatcher {
        /** Handles {@code request}; its body may be given back ({@link #release}) as soon as this returns. */
        void dispatch(AwsRequest request, Responder responder);

        /**
         * Where to read the body of a request with these headers (lower-case names): by default an array of its
         * own. A dispatcher that keeps bodies (the Kinesis store keeps PutRecords records where they arrive) gives
         * a place in memory of its own, and gets it back through {@link #release} after the request.
         */
        default BodyPlace bodyFor(Map<String, String> headers, int length) {
            return new BodyPlace(new byte[length], 0, null);
        }

        /** Called once per request after {@link #dispatch}, or instead of it when the server is stopping. */
        default void release(AwsRequest request) {
        }
    }

    /** Where a body is read: {@code array} from {@code offset}, with {@code owner} for the dispatcher's use. */
    public record BodyPlace(byte[] array, int offset, Object owner) {
    }

    /** Answers one request. */
    public interface Responder {
        void respond(AwsResponse response);

        /** Schedules the answer after a delay, on the connection's own thread. */
        void respondLater(AwsResponse response, long delayMillis);

        /** Starts an answer whose body goes in parts (an event stream): the status and headers now. */
        StreamedResponse stream(int status, Map<String, String> headers);
    }

    /** The body of a streamed answer, part by part; parts go out in the order they are given. Thread-safe. */
    public interface StreamedResponse {
        void send(byte[] part);

        /** Ends the body; later parts are dropped. */
        void end();

        /** False once ended, or once the client has gone. */
        boolean isOpen();
    }

    private HttpServer(EventLoopGroup boss, EventLoopGroup workers, ExecutorService handlers, Channel channel,
                       Dispatcher dispatcher) {
        this.boss = boss;
        this.workers = workers;
        this.handlers = handlers;
        this.channel = channel;
        this.dispatcher = dispatcher;
    }

    public static HttpServer start(String bindAddress, int port, int maxRequestBytes,
                                   Function<String, AwsResponse> tooLarge, Dispatcher dispatcher)
            throws InterruptedException {
        // one small group accepts and serves: a loopback emulator needs few selectors, and each costs start-up time
        EventLoopGroup workers = new NioEventLoopGroup(Math.min(4, Math.max(2, Runtime.getRuntime()
                .availableProcessors())), daemonThreads("kdg-local-io"));
        EventLoopGroup boss = workers;
        // All streams of an HTTP/2 connection share one event loop; their requests are handled on this pool so
        // that one client's concurrent calls are served in parallel, as they would be by the service.
        ExecutorService handlers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime()
                .availableProcessors()), daemonThreads("kdg-local-handler"));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        configure(ch, maxRequestBytes, tooLarge, dispatcher, handlers);
                    }
                });
        try {
            Channel channel = bootstrap.bind(new InetSocketAddress(bindAddress, port)).sync().channel();
            return new HttpServer(boss, workers, handlers, channel, dispatcher);
        } catch (RuntimeException | InterruptedException e) {
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            handlers.shutdownNow();
            throw e;
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return new io.netty.util.concurrent.DefaultThreadFactory(name, true);
    }

    private static void configure(SocketChannel ch, int maxRequestBytes, Function<String, AwsResponse> tooLarge,
                                  Dispatcher dispatcher, Executor handlers) {
        HttpServerCodec http1 = new HttpServerCodec(8192, 65536, 65536);
        Http2Settings settings = Http2Settings.defaultSettings()
                .maxConcurrentStreams(1000)
                .initialWindowSize(4 * 1024 * 1024);
        HttpServerUpgradeHandler.UpgradeCodecFactory upgrades = protocol ->
                AsciiString.contentEquals("h2c", protocol)
                        ? new Http2ServerUpgradeCodec(http2Codec(settings), new ConnectionWindow(),
                        http2Streams(maxRequestBytes, tooLarge, dispatcher, handlers)) : null;
        HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(http1, upgrades, maxRequestBytes);
        ChannelHandler priorKnowledge = new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(http2Codec(settings), new ConnectionWindow(),
                        http2Streams(maxRequestBytes, tooLarge, dispatcher, handlers));
            }
        };
        ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS));
        ch.pipeline().addLast(new IdleCloser());
        ch.pipeline().addLast(new CleartextHttp2ServerUpgradeHandler(http1, upgrade, priorKnowledge));
        ch.pipeline().addLast(new AwsAggregator(maxRequestBytes, tooLarge));
        // HTTP/1.1 answers must keep request order, so its requests are handled on the connection's own thread
        ch.pipeline().addLast(new RequestHandler(dispatcher, false, null));
    }

    private static Http2FrameCodec http2Codec(Http2Settings settings) {
        return Http2FrameCodecBuilder.forServer().initialSettings(settings).autoAckSettingsFrame(true)
                .autoAckPingFrame(true).build();
    }

    private static Http2MultiplexHandler http2Streams(int maxRequestBytes, Function<String, AwsResponse> tooLarge,
                                                      Dispatcher dispatcher, Executor handlers) {
        return new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true));
                stream.pipeline().addLast(new AwsAggregator(maxRequestBytes, tooLarge));
                stream.pipeline().addLast(new RequestHandler(dispatcher, true, handlers));
            }
        });
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        handlers.shutdownNow();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Aggregates a request; one too large gets the services' own 413 answer instead of Netty's bare one. */
    private static final class AwsAggregator extends HttpObjectAggregator {
        private final Function<String, AwsResponse> tooLarge;
        private final int maxRequestBytes;

        AwsAggregator(int maxRequestBytes, Function<String, AwsResponse> tooLarge) {
            super(maxRequestBytes);
            this.maxRequestBytes = maxRequestBytes;
            this.tooLarge = tooLarge;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            String target = oversized.headers().get("X-Amz-Target", "");
            AwsResponse response = tooLarge.apply(target + " request body is larger than " + maxRequestBytes
                    + " bytes");
            FullHttpResponse http = toHttp(response, ctx.alloc().buffer(response.body().length));
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            // Not closed here: a client still sending the body would get a reset instead of this answer. The
            // aggregator discards the rest of the body without keeping it, and the client closes on the header.
            ctx.writeAndFlush(http);
        }
    }

    /**
     * Opens the HTTP/2 connection's receive window to {@value #CONNECTION_WINDOW} bytes. SETTINGS only sets the
     * streams' windows; the connection's stays at 64 KiB, and a client then sends a 5 MB PutRecords body 64 KiB
     * per window update, waiting on the event loops between each.
     */
    private static final class ConnectionWindow extends io.netty.channel.ChannelInboundHandlerAdapter {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (ctx.channel().isActive()) {
                open(ctx);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            open(ctx);
            super.channelActive(ctx);
        }

        private void open(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(new io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame(CONNECTION_WINDOW
                    - Http2CodecUtil.DEFAULT_WINDOW_SIZE));
            ctx.pipeline().remove(this);
        }
    }

    private static final class IdleCloser extends io.netty.channel.ChannelDuplexHandler {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                ctx.close();
            } else {
                super.userEventTriggered(ctx, event);
            }
        }
    }

    private static FullHttpResponse toHttp(AwsResponse response, ByteBuf buffer) {
        buffer.writeBytes(response.body());
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), buffer);
        response.headers().forEach((name, value) -> http.headers().set(name, value));
        if (!http.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            HttpUtil.setContentLength(http, response.body().length);
        }
        return http;
    }

    /**
     * A streamed answer: the head without a length (chunked on HTTP/1.1), then each part as it comes, then the end.
     * Every write runs on the connection's event loop in the order it was asked for.
     */
    private static final class Streamed implements StreamedResponse {
        private final ChannelHandlerContext ctx;
        private volatile boolean ended;

        Streamed(ChannelHandlerContext ctx, int status, Map<String, String> headers, boolean http2) {
            this.ctx = ctx;
            io.netty.handler.codec.http.DefaultHttpResponse head = new io.netty.handler.codec.http
                    .DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
            headers.forEach((name, value) -> head.headers().set(name, value));
            if (!http2) {
                HttpUtil.setTransferEncodingChunked(head, true);
            }
            ctx.executor().execute(() -> ctx.writeAndFlush(head));
        }

        @Override
        public void send(byte[] part) {
            ctx.executor().execute(() -> {
                if (!ended) {
                    ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultHttpContent(
                            io.netty.buffer.Unpooled.wrappedBuffer(part)));
                }
            });
        }

        @Override
        public void end() {
            ctx.executor().execute(() -> {
                if (!ended) {
                    ended = true;
                    ctx.writeAndFlush(io.netty.handler.codec.http.LastHttpContent.EMPTY_LAST_CONTENT);
                }
            });
        }

        @Override
        public boolean isOpen() {
            return !ended && ctx.channel().isActive();
        }
    }

    /** Turns a whole HTTP request into an {@link AwsRequest} and writes the answer back. */
    private static final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Dispatcher dispatcher;
        private final boolean http2;
        private final Executor handlers;

        RequestHandler(Dispatcher dispatcher, boolean http2, Executor handlers) {
            this.dispatcher = dispatcher;
            this.http2 = http2;
            this.handlers = handlers;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = http2 || HttpUtil.isKeepAlive(request);
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
            ByteBuf content = request.content();
            int length = content.readableBytes();
            BodyPlace place = dispatcher.bodyFor(headers, length);
            content.getBytes(content.readerIndex(), place.array(), place.offset(), length);
            AwsRequest aws = new AwsRequest(request.method().name(), uri.rawPath(), uri.parameters(), headers,
                    place.array(), place.offset(), length, place.owner());
            Responder responder = new Responder() {
                @Override
                public void respond(AwsResponse response) {
                    if (ctx.executor().inEventLoop()) {
                        write(ctx, response, keepAlive);
                    } else {
                        ctx.executor().execute(() -> write(ctx, response, keepAlive));
                    }
                }

                @Override
                public void respondLater(AwsResponse response, long delayMillis) {
                    ctx.executor().schedule(() -> write(ctx, response, keepAlive), delayMillis, TimeUnit.MILLISECONDS);
                }

                @Override
                public StreamedResponse stream(int status, Map<String, String> responseHeaders) {
                    return new Streamed(ctx, status, responseHeaders, http2);
                }
            };
            if (handlers == null) {
                dispatchAndRelease(aws, responder);
            } else {
                try {
                    handlers.execute(() -> dispatchAndRelease(aws, responder));
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    dispatcher.release(aws);
                    ctx.close();
                }
            }
        }

        private void dispatchAndRelease(AwsRequest request, Responder responder) {
            try {
                dispatcher.dispatch(request, responder);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // an Error too (a LinkageError from another Jackson on the classpath): a dropped connection would
                // leave the client guessing, so every request gets an answer
                LOG.log(System.Logger.Level.ERROR, "kdg4j emulator: " + request.method() + " " + request.path()
                        + " failed", e);
                responder.respond(AwsResponse.internalFailure("The kdg4j emulator failed: " + e));
            } finally {
                dispatcher.release(request);
            }
        }

        private void write(ChannelHandlerContext ctx, AwsResponse response, boolean keepAlive) {
            if (response == AwsResponse.DROP) {
                // close the whole connection, not just an HTTP/2 stream
                (http2 ? ctx.channel().parent() : ctx.channel()).close();
                return;
            }
            FullHttpResponse http = toHttp(response, ctx.alloc().buffer(response.body().length));
            if (!keepAlive) {
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(http);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
