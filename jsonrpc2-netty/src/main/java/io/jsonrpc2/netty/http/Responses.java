package io.jsonrpc2.netty.http;

import io.jsonrpc2.http.HttpAnswer;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.Date;
import java.util.Map;

/** Turns {@link HttpAnswer}s into Netty responses, adding what belongs to the connection. */
final class Responses {
  private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
  // The rules write only valid header names and values: checking them again costs time for nothing.
  private static final DefaultHttpHeadersFactory UNCHECKED_HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final DefaultHttpHeadersFactory UNCHECKED_TRAILERS =
      DefaultHttpHeadersFactory.trailersFactory().withValidation(false);
  private static volatile CachedDate date = new CachedDate(0, AsciiString.EMPTY_STRING);

  private Responses() {}

  private record CachedDate(long second, AsciiString value) {}

  /**
   * The response for {@code answer}. The body array is wrapped, not copied.
   *
   * @param keepAlive false adds {@code Connection: close}
   */
  static FullHttpResponse toResponse(HttpAnswer answer, HttpVersion version, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            version,
            HttpResponseStatus.valueOf(answer.status()),
            answer.hasBody() ? Unpooled.wrappedBuffer(answer.body()) : Unpooled.EMPTY_BUFFER,
            UNCHECKED_HEADERS,
            UNCHECKED_TRAILERS);
    HttpHeaders headers = response.headers();
    Map<String, String> answerHeaders = answer.headers();
    if (answerHeaders.size() == 1 && "application/json".equals(answerHeaders.get("Content-Type"))) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, APPLICATION_JSON); // the plain reply: no iteration
    } else {
      answerHeaders.forEach(headers::set);
    }
    if (answer.status() != 204) {
      headers.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
    }
    headers.set(HttpHeaderNames.DATE, now());
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (version.equals(HttpVersion.HTTP_1_0)) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    return response;
  }

  // Formatting a date costs more than the rest of the headers together; it changes once a second.
  @SuppressWarnings("JavaUtilDate") // Netty's DateFormatter formats a Date
  private static AsciiString now() {
    long millis = System.currentTimeMillis();
    long second = millis / 1000;
    CachedDate cached = date;
    if (cached.second() != second) {
      cached =
          new CachedDate(second, new AsciiString(DateFormatter.format(new Date(second * 1000))));
      date = cached;
    }
    return cached.value();
  }
}
