package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import io.github.lightgcn.io.TextMutator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The MAL list reader fed 10,000 generated and mutated exports (truncations, stray markup characters, extra or
 * broken tags, doctype declarations, entities, bad ids, scores and statuses, duplicated entries, random bytes).
 * Each must be read exactly as an independent reader of the documented rules built on the JDK's DOM parser reads
 * it (same user name, same entries), or, when that reader rejects the file, fail with a
 * {@link DataFormatException} naming the file; never another exception.
 */
class MalListPropertiesTest {

    private static final Path NAME = Path.of("animelist.xml");

    private static final TextMutator MUTATOR = new TextMutator("<>&]/\"'=!x0 \t",
            new String[]{"<anime>", "</anime>", "<!DOCTYPE myanimelist>", "<!DOCTYPE x [<!ENTITY e \"v\">]>", "&amp;",
                    "&e;", "<![CDATA[", "]]>", "<my_score>11</my_score>", "<my_score></my_score>",
                    "<my_status>Finished</my_status>", "<my_status>Dropped</my_status>", "abc", "-1", "99999999999",
                    "Plan to Watch", "<!-- c -->", "&#xD800;", "<series_animedb_id>7</series_animedb_id>",
                    "<x:anime>", "<b>1</b>", "<?pi x?>", "\u00e9", "\uFEFF"},
            new String[]{"\n", "\r\n", "\r"});

    @Test
    void tenThousandMutatedExportsReadAsTheOracleReadsThem() throws Exception {
        DocumentBuilder oracleParser = oracleParser();
        int accepted = 0, rejected = 0;
        for (int run = 0; run < 10_000; run++) {
            Random r = new Random(run);
            String valid = MalListExports.generate(r, 1 + r.nextInt(12));
            byte[] bytes = run % 10 == 0 ? valid.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : MUTATOR.fileBytes(r, 1 + r.nextInt(3), valid);
            Optional<MalListExport> expected = oracle(oracleParser, bytes);
            MalListExport actual;
            try {
                actual = MalListReader.read(new ByteArrayInputStream(bytes), NAME);
            } catch (DataFormatException e) {
                assertTrue(expected.isEmpty(), "run " + run + ": rejected (" + e.getMessage() + ") but the oracle reads "
                        + expected + "\n" + new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                assertTrue(e.getMessage().startsWith(NAME.toString()), e.getMessage());
                rejected++;
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("run " + run + ": " + e, e);
            }
            assertTrue(expected.isPresent(), "run " + run + ": read " + actual.entries().size()
                    + " entries but the oracle rejects it\n" + new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(expected.get().userName(), actual.userName(), "run " + run);
            assertEquals(strip(expected.get().entries()), strip(actual.entries()), "run " + run);
            accepted++;
        }
        assertTrue(accepted > 1500 && rejected > 1500, accepted + " accepted, " + rejected + " rejected");
    }

    private static List<String> strip(List<MalListEntry> entries) {
        return entries.stream().map(e -> e.animeId() + "|" + e.title() + "|" + e.score() + "|" + e.status()).toList();
    }

    private static DocumentBuilder oracleParser() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        f.setCoalescing(true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // rejections are the point: no "[Fatal Error]" lines
        return b;
    }

    /** The documented rules over a DOM tree; empty when the file is not an export by them. */
    private static Optional<MalListExport> oracle(DocumentBuilder parser, byte[] bytes) {
        Document doc;
        try {
            doc = parser.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) { // not well-formed, or an unknown encoding
            return Optional.empty();
        }
        Element root = doc.getDocumentElement();
        if (!"myanimelist".equals(root.getLocalName())) return Optional.empty();
        Optional<String> user = Optional.empty();
        List<MalListEntry> entries = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (Element child : children(root)) {
            if (child.getLocalName().equals("myinfo")) {
                for (Element info : children(child)) {
                    if (!info.getLocalName().equals("user_name")) continue;
                    if (!children(info).isEmpty()) return Optional.empty();
                    String name = info.getTextContent().strip();
                    user = name.isEmpty() ? Optional.empty() : Optional.of(name);
                }
            } else if (child.getLocalName().equals("anime")) {
                String id = null, title = null, score = null, status = null;
                for (Element field : children(child)) {
                    String n = field.getLocalName();
                    boolean known = n.equals("series_animedb_id") || n.equals("series_title") || n.equals("my_score")
                            || n.equals("my_status");
                    if (!known) continue;
                    if (!children(field).isEmpty()) return Optional.empty();
                    String text = field.getTextContent();
                    switch (n) {
                        case "series_animedb_id" -> { if (id != null) return Optional.empty(); id = text; }
                        case "series_title" -> { if (title != null) return Optional.empty(); title = text; }
                        case "my_score" -> { if (score != null) return Optional.empty(); score = text; }
                        default -> { if (status != null) return Optional.empty(); status = text; }
                    }
                }
                if (id == null || status == null) return Optional.empty();
                int animeId, s = 0;
                try {
                    animeId = Integer.parseInt(id.strip());
                    if (score != null && !score.strip().isEmpty()) s = Integer.parseInt(score.strip());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                MalListStatus st = oracleStatus(status);
                if (animeId <= 0 || s < 0 || s > 10 || st == null || !ids.add(animeId)) return Optional.empty();
                entries.add(new MalListEntry(animeId, title == null ? "" : title.strip(), s, st, 0));
            }
        }
        return Optional.of(new MalListExport(user, entries));
    }

    private static MalListStatus oracleStatus(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        return switch (t) {
            case "watching", "1" -> MalListStatus.WATCHING;
            case "completed", "2" -> MalListStatus.COMPLETED;
            case "on hold", "3" -> MalListStatus.ON_HOLD;
            case "dropped", "4" -> MalListStatus.DROPPED;
            case "plan to watch", "6" -> MalListStatus.PLAN_TO_WATCH;
            default -> null;
        };
    }

    private static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) out.add(e);
        }
        return out;
    }
}
