package dev.lockstep.platform.web;

import dev.lockstep.platform.problem.ProblemException;
import io.netty.handler.codec.http.QueryStringDecoder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A form ({@code application/x-www-form-urlencoded}) read strictly, as the resources that take one
 * receive it ({@code MultivaluedMap<String, String>}): a field with a broken percent-encoding
 * ({@code code=%zz}, a lone {@code %}) is the client's mistake, a 400 {@code malformed-form} problem
 * before any resource runs, not a value to guess at. Netty's decoder does the decoding ({@code +} is
 * a space; {@code ;} is an ordinary character, as in a browser's form).
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class StrictForm implements MessageBodyReader<MultivaluedMap<String, String>> {

    /** More fields than any form here has; Netty ignores the rest. */
    private static final int MAX_FIELDS = 256;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MultivaluedMap.class;
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType,
            Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body)
            throws IOException {
        Charset charset = charset(mediaType);
        String text = new String(body.readAllBytes(), charset);
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        try {
            new QueryStringDecoder(text, charset, false, MAX_FIELDS, true).parameters().forEach(form::put);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("malformed-form", "The form is not well-formed",
                    "A field has a broken percent-encoding.");
        }
        return form;
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("malformed-form", "The form is not well-formed",
                    "The charset '" + name + "' is not known.");
        }
    }
}
