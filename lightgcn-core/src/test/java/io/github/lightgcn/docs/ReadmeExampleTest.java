package io.github.lightgcn.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Compiles and runs the "use it as a library" example of README.md, so the README cannot go stale. */
class ReadmeExampleTest {

    static Path readme() {
        String dir = System.getProperty("maven.multiModuleProjectDirectory");
        Path p = dir != null ? Path.of(dir, "README.md") : Path.of("..", "README.md");
        if (!Files.exists(p)) p = Path.of("README.md");
        if (!Files.exists(p)) p = Path.of("..", "README.md");
        return p;
    }

    @Test
    void readmeLibraryExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String text = Files.readString(readme());
        Matcher m = Pattern.compile("<!-- library-example[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), "README.md must contain the library example block");
        String source = m.group(1);
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(cls.find());
        String className = cls.group(1);
        Path src = dir.resolve(className + ".java");
        Files.writeString(src, source);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = compiler.run(null, null, errors, "-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), src.toString());
        assertEquals(0, rc, "README example does not compile:\n" + errors.toString(StandardCharsets.UTF_8));

        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass(className).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(3, printed.lines().filter(l -> l.startsWith("ann -> ")).count(), printed);
        assertTrue(printed.contains("reloaded: 4 users x 5 items, 3 for ann"), printed);
        // ann trained on dune and emma: neither may be recommended to her
        assertFalse(printed.contains("ann -> dune ") || printed.contains("ann -> emma "), printed);
        // the new user's list leaves the liked items out; the batch hands out every user once, in key order
        assertTrue(printed.lines().anyMatch(l -> l.matches("likes ivanhoe, kim -> (dune|emma|lolita)")), printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches("like lolita: (dune|emma|ivanhoe|kim)")), printed);
        assertEquals(java.util.List.of("batch ann -> 2", "batch bob -> 2", "batch cat -> 2", "batch dan -> 2"),
                printed.lines().filter(l -> l.startsWith("batch ")).toList(), printed);
    }
}
