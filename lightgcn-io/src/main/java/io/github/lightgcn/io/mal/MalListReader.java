package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import io.github.lightgcn.io.internal.Echo;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a MyAnimeList list export: the XML file of MAL's export page (plain or gzip-compressed, recognised by its
 * first bytes, not its name), in the shape the community's "MyAnimeList XML Unofficial Specification" describes:
 * <pre>
 *   &lt;myanimelist&gt;
 *     &lt;myinfo&gt;&lt;user_name&gt;…&lt;/user_name&gt;…&lt;/myinfo&gt;
 *     &lt;anime&gt;
 *       &lt;series_animedb_id&gt;5114&lt;/series_animedb_id&gt;
 *       &lt;series_title&gt;&lt;![CDATA[Fullmetal Alchemist: Brotherhood]]&gt;&lt;/series_title&gt;
 *       &lt;my_score&gt;10&lt;/my_score&gt;
 *       &lt;my_status&gt;Completed&lt;/my_status&gt;
 *       …
 *     &lt;/anime&gt;
 *   &lt;/myanimelist&gt;
 * </pre>
 * Each {@code <anime>} needs an id and a status; a missing or empty score is "not scored"; other elements (dates,
 * episodes, tags, …) are skipped.
 *
 * <p>Hardened for files from anywhere: a document type declaration is refused before anything is read (so no
 * external entity, external DTD or entity expansion can be used), and the input is bounded ({@link #MAX_BYTES}
 * once decompressed, {@link #MAX_ENTRIES} entries, {@link #MAX_TEXT_CHARS} characters of text in one element).
 * Every problem is a {@link DataFormatException} naming the file, the line and, inside an entry, the entry's
 * number and field.
 */
public final class MalListReader {

    /** The most bytes read from a file, after decompression. */
    public static final long MAX_BYTES = 64L << 20;
    /** The most {@code <anime>} entries in one export. */
    public static final int MAX_ENTRIES = 100_000;
    /** The most characters in the text of one element. */
    public static final int MAX_TEXT_CHARS = 64 * 1024;

    private static final XMLInputFactory FACTORY = secureFactory();

    private final Path file;
    private final XMLStreamReader xml;

    private MalListReader(Path file, XMLStreamReader xml) {
        this.file = file;
        this.xml = xml;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Reads the export in {@code file} ({@code .xml} or gzip-compressed). */
    public static MalListExport read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        }
    }

    /**
     * Reads an export from a stream (plain or gzip-compressed); {@code name} is the file named in errors.
     * The stream is not closed.
     */
    public static MalListExport read(InputStream in, Path name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int b0 = buffered.read(), b1 = buffered.read();
        buffered.reset();
        if (b0 < 0) throw new DataFormatException(name, "the file is empty, not a MyAnimeList list export");
        InputStream body;
        try {
            body = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        } catch (IOException e) { // a damaged or truncated gzip header
            throw new DataFormatException(name, "not a valid gzip file (" + e + ")");
        }
        Bounded bounded = new Bounded(body, MAX_BYTES);
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(bounded);
            return new MalListReader(name, xml).document();
        } catch (XMLStreamException e) {
            throw translate(name, e, bounded);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the stream, which the caller closes
                }
            }
        }
    }

    private static IOException translate(Path name, XMLStreamException e, Bounded bounded) {
        if (bounded.exceeded) {
            return new DataFormatException(name, "the export is larger than " + (MAX_BYTES >> 20)
                    + " MiB (once decompressed); a MyAnimeList list export is far smaller");
        }
        if (e.getNestedException() instanceof ZipException || e.getNestedException() instanceof java.io.EOFException) {
            return new DataFormatException(name, "the gzip data is damaged or truncated ("
                    + e.getNestedException().getMessage() + ")");
        }
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) message = message.substring(at + "Message: ".length());
        message = message.strip().replaceAll("\\s+", " ");
        Location loc = e.getLocation();
        long line = loc == null ? 0 : Math.max(0, loc.getLineNumber());
        return new DataFormatException(name, line, null, "not well-formed XML: " + message);
    }

    private long line() {
        return Math.max(0, xml.getLocation().getLineNumber());
    }

    private MalListExport document() throws XMLStreamException, DataFormatException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) throw refusedDtd();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!xml.getLocalName().equals("myanimelist")) {
                    throw new DataFormatException(file, line(), null, "the root element is <" + xml.getLocalName()
                            + ">; a MyAnimeList list export has <myanimelist>");
                }
                return list();
            }
        }
        throw new DataFormatException(file, "no <myanimelist> element: not a MyAnimeList list export");
    }

    private DataFormatException refusedDtd() {
        return new DataFormatException(file, line(), null, "a document type declaration (<!DOCTYPE>) is not allowed "
                + "in a MyAnimeList list export: DTDs and external entities are refused, nothing was read");
    }

    private MalListExport list() throws XMLStreamException, DataFormatException {
        Optional<String> user = Optional.empty();
        List<MalListEntry> entries = new ArrayList<>();
        Map<Integer, Long> firstLine = new HashMap<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) throw refusedDtd();
            if (event == XMLStreamConstants.END_ELEMENT) break; // </myanimelist>
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            switch (xml.getLocalName()) {
                case "myinfo" -> user = myInfo();
                case "anime" -> {
                    if (entries.size() == MAX_ENTRIES) {
                        throw new DataFormatException(file, line(), null, "more than " + MAX_ENTRIES
                                + " <anime> entries; a MyAnimeList list is far smaller");
                    }
                    MalListEntry entry = entry(entries.size() + 1);
                    Long before = firstLine.putIfAbsent(entry.animeId(), entry.line());
                    if (before != null) {
                        throw new DataFormatException(file, entry.line(), "series_animedb_id", "entry "
                                + (entries.size() + 1) + ": anime " + entry.animeId() + " is listed twice (first at line "
                                + before + ")");
                    }
                    entries.add(entry);
                }
                default -> skipElement();
            }
        }
        while (xml.hasNext()) { // only comments, processing instructions and space may follow the root
            if (xml.next() == XMLStreamConstants.DTD) throw refusedDtd();
        }
        return new MalListExport(user, entries);
    }

    private Optional<String> myInfo() throws XMLStreamException, DataFormatException {
        Optional<String> user = Optional.empty();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) return user;
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            if (xml.getLocalName().equals("user_name")) {
                String name = text("user_name", "<myinfo>").strip();
                user = name.isEmpty() ? Optional.empty() : Optional.of(name);
            } else {
                skipElement();
            }
        }
    }

    private MalListEntry entry(int number) throws XMLStreamException, DataFormatException {
        long start = line();
        String where = "entry " + number + " (line " + start + ")";
        Integer id = null;
        String title = null;
        Integer score = null;
        MalListStatus status = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) break; // </anime>
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            String field = xml.getLocalName();
            long at = line();
            switch (field) {
                case "series_animedb_id" -> {
                    once(id, field, where, at);
                    id = animeId(text(field, where).strip(), where, at);
                }
                case "series_title" -> {
                    once(title, field, where, at);
                    title = text(field, where).strip();
                }
                case "my_score" -> {
                    once(score, field, where, at);
                    score = score(text(field, where).strip(), where, at);
                }
                case "my_status" -> {
                    once(status, field, where, at);
                    String s = text(field, where);
                    status = MalListStatus.parse(s).orElseThrow(() -> new DataFormatException(file, at, field,
                            where + ": '" + clip(s.strip()) + "' is not a list status (Watching, Completed, On-Hold, "
                                    + "Dropped or Plan to Watch)"));
                }
                default -> skipElement();
            }
        }
        if (id == null) {
            throw new DataFormatException(file, start, "series_animedb_id", where + " has no series_animedb_id");
        }
        if (status == null) {
            throw new DataFormatException(file, start, "my_status", where + " (anime " + id + ") has no my_status");
        }
        return new MalListEntry(id, title == null ? "" : title, score == null ? 0 : score, status, start);
    }

    private void once(Object seen, String field, String where, long at) throws DataFormatException {
        if (seen != null) throw new DataFormatException(file, at, field, where + ": <" + field + "> appears twice");
    }

    private int animeId(String text, String where, long at) throws DataFormatException {
        try {
            int id = Integer.parseInt(text);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new DataFormatException(file, at, "series_animedb_id", where + ": '" + clip(text)
                + "' is not an anime id (a positive integer)");
    }

    private int score(String text, String where, long at) throws DataFormatException {
        if (text.isEmpty()) return 0;
        try {
            int s = Integer.parseInt(text);
            if (s >= 0 && s <= 10) return s;
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new DataFormatException(file, at, "my_score", where + ": '" + clip(text)
                + "' is not a score (0 for none, or 1 to 10)");
    }

    /** The text of the current element (text and CDATA, comments skipped); refuses nested elements. */
    private String text(String field, String where) throws XMLStreamException, DataFormatException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (sb.length() + xml.getTextLength() > MAX_TEXT_CHARS) {
                        throw new DataFormatException(file, line(), field, where + ": the text is longer than "
                                + MAX_TEXT_CHARS + " characters");
                    }
                    sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return sb.toString();
                }
                case XMLStreamConstants.START_ELEMENT -> throw new DataFormatException(file, line(), field, where
                        + ": <" + field + "> holds an element <" + xml.getLocalName() + ">, text was expected");
                default -> { } // comments, processing instructions
            }
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private static String clip(String s) { return Echo.text(s); }

    /** Reads at most {@code limit} bytes and remembers whether the input went past it. */
    private static final class Bounded extends FilterInputStream {
        private long left;
        boolean exceeded;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                if (in.read() < 0) return -1;
                exceeded = true;
                throw new IOException("input larger than the limit");
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }
    }
}
