package io.github.lightgcn.server;

import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in headless Chromium, as a fan uses it: type the start of a title, pick it from the autocompletion, ask
 * for recommendations, see them with their genres, follow a "similar anime" link; on a laptop-sized and a
 * phone-sized window. Screenshots go to {@code target/browser/}. Fails when the page shows no recommendation.
 */
class BrowserTest {

    @Test
    void aFanPicksAnAnimeGetsRecommendationsAndFollowsASimilarLink() throws Exception {
        boolean required = Boolean.parseBoolean(System.getProperty("lightgcn.require.shared", "false"));
        if (!Files.isExecutable(DevTools.chromium())) {
            if (required) throw new AssertionError(DevTools.chromium() + " is missing: .ci/run installs chromium");
            Assumptions.abort("no chromium at " + DevTools.chromium() + " (apt-get install chromium)");
        }
        TestModels models = TestModels.get();
        AnimeModel model = AnimeModel.load(models.modelA);
        AnimeInfo liked = model.allInfo().stream()
                .filter(a -> !a.isAdult() && model.catalog().titles().exact(a.title()).size() == 1)
                .max(java.util.Comparator.comparingInt(AnimeInfo::members)).orElseThrow();
        String typed = liked.title().substring(0, Math.min(liked.title().length(), 6));
        Path shots = Path.of("target", "browser");
        try (RecommendationServer server = RecommendationServer.start(ServerOptions.builder(models.modelA).port(0)
                .watchInterval(Duration.ZERO).build());
             DevTools chrome = DevTools.launch()) {
            chrome.call("Page.enable", Map.of());
            chrome.call("Page.navigate", Map.of("url", server.uri().toString()));
            chrome.waitFor("the page", () -> chrome.eval("document.readyState === 'complete' && "
                    + "document.getElementById('model').textContent.length > 0").asBoolean());
            assertEquals("Anime recommender", chrome.eval("document.querySelector('h1').textContent").asText());

            chrome.click("#search");
            chrome.type(typed);
            chrome.waitFor("suggestions for '" + typed + "'", () -> chrome.eval(
                    "document.querySelectorAll('#suggestions .suggestion').length").asInt() > 0);
            String selector = "#suggestions .suggestion[data-id='" + liked.id() + "']";
            chrome.waitFor(liked.title() + " among the suggestions",
                    () -> chrome.eval("!!document.querySelector(\"" + selector + "\")").asBoolean());
            chrome.click(selector);
            chrome.waitFor("the chosen chip", () -> chrome.eval("document.querySelectorAll('#chosen .chip').length")
                    .asInt() == 1);
            assertTrue(chrome.eval("document.querySelector('#chosen .chip').textContent").asText()
                    .startsWith(liked.title()));

            chrome.click("#recommend");
            chrome.waitFor("recommendations", () -> chrome.eval(
                    "document.querySelectorAll('#results .result').length").asInt() > 0);
            int shown = chrome.eval("document.querySelectorAll('#results .result').length").asInt();
            assertEquals(10, shown, "the page shows the 10 recommendations");
            assertTrue(chrome.eval("[...document.querySelectorAll('#results .result')].every(r => "
                    + "r.querySelectorAll('.genres li').length > 0 && r.querySelector('.title').textContent.length)")
                    .asBoolean(), "every recommendation shows its title and genres");
            assertTrue(chrome.eval("document.getElementById('heading').textContent").asText()
                    .contains(liked.title()));
            chrome.screenshot(shots.resolve("page.png"));
            assertEquals("#likes=" + liked.id(), chrome.eval("location.hash").asText(), "a link to share");

            String first = chrome.eval("document.querySelector('#results .result .title').textContent").asText();
            chrome.click("#results .result a.similar");
            chrome.waitFor("similar anime", () -> chrome.eval("document.getElementById('heading').textContent")
                    .asText().equals("Similar to " + first) && chrome.eval(
                    "document.querySelectorAll('#results .result').length").asInt() > 0);
            assertTrue(chrome.eval("location.hash").asText().startsWith("#similar="));

            // a phone-sized window: one column, nothing wider than the screen
            chrome.call("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 2, "mobile", true));
            chrome.waitFor("the narrow layout", () -> chrome.eval(
                    "document.documentElement.scrollWidth <= window.innerWidth").asBoolean());
            chrome.screenshot(shots.resolve("phone.png"));
        }
    }
}
