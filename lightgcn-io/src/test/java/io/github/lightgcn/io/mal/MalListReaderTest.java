package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class MalListReaderTest {

    @TempDir
    Path dir;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<myanimelist>\n";

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String anime(String id, String title, String score, String status) {
        return "<anime><series_animedb_id>" + id + "</series_animedb_id><series_title><![CDATA[" + title
                + "]]></series_title><my_score>" + score + "</my_score><my_status>" + status + "</my_status></anime>\n";
    }

    private DataFormatException refused(String text) throws IOException {
        Path f = write("bad.xml", text);
        return assertThrows(DataFormatException.class, () -> MalListReader.read(f));
    }

    @Test
    void readsARealisticExportWithEveryStatus() throws IOException {
        String xml = MalListExports.generate(new Random(5), 300);
        MalListExport export = MalListReader.read(write("animelist.xml", xml));
        assertEquals(300, export.entries().size());
        assertTrue(export.userName().orElseThrow().startsWith("fan_"));
        Map<MalListStatus, Integer> byStatus = new EnumMap<>(MalListStatus.class);
        for (MalListEntry e : export.entries()) byStatus.merge(e.status(), 1, Integer::sum);
        assertEquals(5, byStatus.size(), "all five statuses occur: " + byStatus);
        MalListEntry first = export.entries().getFirst();
        assertTrue(xml.contains("<series_animedb_id>" + first.animeId() + "</series_animedb_id>"));
        assertTrue(xml.contains("<![CDATA[" + first.title() + "]]>"), first.title());
        assertTrue(first.line() > 10, "the entry's line: " + first.line());
    }

    @Test
    void gzipIsRecognisedByItsBytesNotItsName() throws IOException {
        String xml = MalListExports.generate(new Random(6), 50);
        Path gz = dir.resolve("animelist.xml.gz"), renamed = dir.resolve("animelist.dat");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        Files.copy(gz, renamed);
        MalListExport plain = MalListReader.read(write("animelist.xml", xml));
        assertEquals(plain, MalListReader.read(gz));
        assertEquals(plain.entries(), MalListReader.read(renamed).entries());
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        DataFormatException e = refused("<?xml version=\"1.0\"?>\n<!DOCTYPE myanimelist [\n  <!ENTITY x SYSTEM \""
                + secret.toUri() + "\">\n]>\n<myanimelist>" + anime("1", "&x;", "9", "Completed") + "</myanimelist>");
        assertTrue(e.getMessage().contains("document type declaration"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.xml"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void entityExpansionBombsAreRefused() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE myanimelist [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        dtd.append("]>");
        DataFormatException e = refused(dtd + "<myanimelist>" + anime("1", "x", "9", "Completed").replace("x]]", "]]")
                .replace("<series_title><![CDATA[]]></series_title>", "<series_title>&a9;</series_title>") + "</myanimelist>");
        assertTrue(e.getMessage().contains("document type declaration"), e.getMessage());
    }

    @Test
    void aDecompressionBombIsBoundedByTheSizeLimit() throws IOException {
        Path gz = dir.resolve("bomb.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(HEAD.getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 65; i++) out.write(spaces);
            out.write("</myanimelist>".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.size(gz) < 1 << 20, "compressed to " + Files.size(gz));
        DataFormatException e = assertThrows(DataFormatException.class, () -> MalListReader.read(gz));
        assertTrue(e.getMessage().contains("larger than 64 MiB"), e.getMessage());
    }

    @Test
    void malformedEntriesNameTheEntryTheLineAndTheField() throws IOException {
        String ok = anime("1", "One", "8", "Completed");
        DataFormatException id = refused(HEAD + ok + anime("abc", "Two", "8", "Completed") + "</myanimelist>");
        assertEquals(4, id.line()); // the declaration, <myanimelist>, entry 1, entry 2
        assertEquals("series_animedb_id", id.field());
        assertTrue(id.getMessage().contains("entry 2") && id.getMessage().contains("'abc'"), id.getMessage());

        DataFormatException score = refused(HEAD + anime("1", "One", "11", "Completed") + "</myanimelist>");
        assertEquals("my_score", score.field());
        assertTrue(score.getMessage().contains("'11' is not a score"), score.getMessage());

        DataFormatException status = refused(HEAD + anime("1", "One", "8", "Finished") + "</myanimelist>");
        assertEquals("my_status", status.field());
        assertTrue(status.getMessage().contains("'Finished' is not a list status"), status.getMessage());

        DataFormatException missing = refused(HEAD + "<anime><series_title>x</series_title><my_status>Completed"
                + "</my_status></anime></myanimelist>");
        assertTrue(missing.getMessage().contains("has no series_animedb_id"), missing.getMessage());

        DataFormatException twice = refused(HEAD + ok + anime("1", "Again", "7", "Dropped") + "</myanimelist>");
        assertTrue(twice.getMessage().contains("anime 1 is listed twice (first at line 3)"), twice.getMessage());

        DataFormatException nested = refused(HEAD + "<anime><series_animedb_id><b>1</b></series_animedb_id>"
                + "</anime></myanimelist>");
        assertTrue(nested.getMessage().contains("text was expected"), nested.getMessage());
    }

    @Test
    void notAnExportAtAll() throws IOException {
        assertTrue(refused("").getMessage().contains("empty"));
        assertTrue(refused("<html><body/></html>").getMessage().contains("root element is <html>"));
        DataFormatException broken = refused(HEAD + "<anime><series_animedb_id>1</series_anime");
        assertTrue(broken.getMessage().startsWith(dir.resolve("bad.xml") + ", line "), broken.getMessage());
        assertTrue(broken.getMessage().contains("not well-formed XML"), broken.getMessage());
        assertTrue(refused(HEAD + anime("1", "&#xD800;", "8", "Completed").replace("<![CDATA[&#xD800;]]>", "&#xD800;")
                + "</myanimelist>").getMessage().contains("not well-formed XML"));
    }

    @Test
    void oldNumericStatusesAndEmptyScoresAreUnderstood() throws IOException {
        MalListExport e = MalListReader.read(write("old.xml", HEAD + anime("1", "A", "", "2") + anime("2", "B", "0", "6")
                + anime("3", "C", "7", " on-hold ") + "</myanimelist>"));
        assertEquals(List.of(MalListStatus.COMPLETED, MalListStatus.PLAN_TO_WATCH, MalListStatus.ON_HOLD),
                e.entries().stream().map(MalListEntry::status).toList());
        assertEquals(List.of(0, 0, 7), e.entries().stream().map(MalListEntry::score).toList());
    }

    @Test
    void tasteCountsLikesAndWhyTheOthersAreNot() throws IOException {
        MalListExport e = MalListReader.read(write("t.xml", HEAD
                + anime("1", "Loved", "9", "Completed") + anime("2", "Unscored", "0", "Watching")
                + anime("3", "Meh", "5", "Completed") + anime("4", "Quit", "9", "Dropped")
                + anime("5", "Later", "0", "Plan to Watch") + anime("6", "Paused", "7", "On-Hold") + "</myanimelist>"));
        MalListTaste taste = MalListTaste.of(e, 7);
        assertEquals(List.of(1, 2, 6), taste.likes().stream().map(MalListEntry::animeId).toList());
        assertEquals(1, taste.ignored().get(MalListTaste.Ignored.LOW_SCORE));
        assertEquals(1, taste.ignored().get(MalListTaste.Ignored.DROPPED));
        assertEquals(1, taste.ignored().get(MalListTaste.Ignored.PLAN_TO_WATCH));
        assertArrayEquals(new int[]{1, 2, 3, 4, 5, 6}, taste.listedAnimeIds());
        assertEquals(List.of(1, 2), MalListTaste.of(e, 8).likes().stream().map(MalListEntry::animeId).toList());
        assertThrows(IllegalArgumentException.class, () -> MalListTaste.of(e, 0));
    }
}
