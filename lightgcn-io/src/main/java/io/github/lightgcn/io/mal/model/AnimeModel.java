package io.github.lightgcn.io.mal.model;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.io.IdMapping;
import io.github.lightgcn.io.mal.AnimeCatalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A trained model together with what the anime commands need to talk in MAL terms: the user and anime ids (the
 * model's long keys) and the metadata of every indexed anime, which travels as an attachment inside the model file
 * (checksummed with it), so {@code recommend --model m.lgcn} needs nothing else.
 *
 * <p>Files written before models carried keys hold the id lists as attachments too, with a fingerprint of both that
 * catches lists that do not belong to the embeddings (e.g. copied from another model); they are read that way, and
 * the model then carries those ids as its keys.
 *
 * <p>This is what the command line and the service share: the model, the metadata of what it can recommend,
 * {@link AnimeLookup} for titles people type and {@link AnimeFilter} for what they want to see.
 */
public final class AnimeModel {

    /** The attachment that holds the metadata of every indexed anime. */
    public static final String METADATA = "mal.anime_metadata";
    /** The attachment of the user ids in files from before models carried keys. */
    public static final String USERS = "mal.user_ids";
    /** The attachment of the anime ids in files from before models carried keys. */
    public static final String ANIME = "mal.anime_ids";
    /** The attachment of both id lists' fingerprint in files from before models carried keys. */
    public static final String FINGERPRINT = "mal.ids_fingerprint";

    private final LightGCNModel model;
    private final IdMapping users;
    private final IdMapping anime;
    private final List<AnimeInfo> info; // by item index
    private AnimeCatalog catalog;       // built on first title lookup
    private Set<String> genres, types;  // built on first use
    private final Map<AnimeFilter, boolean[]> exclusions = new ConcurrentHashMap<>(); // AnimeFilter's tables

    AnimeModel(LightGCNModel model, IdMapping users, IdMapping anime, List<AnimeInfo> info) {
        if (users.size() != model.numUsers() || anime.size() != model.numItems() || info.size() != anime.size()) {
            throw new IllegalArgumentException("id mappings (" + users.size() + " users, " + anime.size()
                    + " anime, " + info.size() + " metadata rows) do not match the model (" + model.numUsers()
                    + " x " + model.numItems() + ")");
        }
        for (int i = 0; i < info.size(); i++) {
            if (info.get(i).id() != anime.originalId(i)) {
                throw new IllegalArgumentException("metadata row " + i + " is anime " + info.get(i).id()
                        + ", the id mapping says " + anime.originalId(i));
            }
        }
        this.model = model;
        this.users = users;
        this.anime = anime;
        this.info = List.copyOf(info);
    }

    /**
     * The model of a data set, trained on keyed data (its keys are the MAL ids): the anime metadata is taken from the
     * catalog for every indexed anime.
     */
    public static AnimeModel of(LightGCNModel model, AnimeCatalog catalog) {
        IdMapping users = IdMapping.fromKeys(model.userKeys()), anime = IdMapping.fromKeys(model.itemKeys());
        List<AnimeInfo> info = new ArrayList<>(anime.size());
        for (int i = 0; i < anime.size(); i++) info.add(AnimeInfo.of(catalog.byId(anime.originalId(i)).orElseThrow()));
        return new AnimeModel(model, users, anime, info);
    }

    /** The trained model; its keys are the MAL user and anime ids. */
    public LightGCNModel model() { return model; }

    /** The MAL user ids, index i being the model's user index i. */
    public IdMapping users() { return users; }

    /** The MAL anime ids, index i being the model's item index i. */
    public IdMapping anime() { return anime; }

    /** The metadata of the anime at item index {@code item}. */
    public AnimeInfo info(int item) { return info.get(item); }

    /** The metadata of every indexed anime, by item index (unmodifiable). */
    public List<AnimeInfo> allInfo() { return info; }

    /** The indexed anime as a catalog, for title lookups (only anime the model can recommend). */
    public synchronized AnimeCatalog catalog() {
        if (catalog == null) catalog = AnimeCatalog.of(info.stream().map(AnimeInfo::toAnime).toList());
        return catalog;
    }

    /** The genres of the model's anime, sorted ignoring case (unmodifiable). */
    synchronized Set<String> genres() {
        if (genres == null) {
            TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            info.forEach(a -> all.addAll(a.genres()));
            genres = Collections.unmodifiableSet(all);
        }
        return genres;
    }

    /** The types of the model's anime, sorted ignoring case (unmodifiable). */
    synchronized Set<String> types() {
        if (types == null) {
            TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            info.forEach(a -> { if (!a.type().isEmpty()) all.add(a.type()); });
            types = Collections.unmodifiableSet(all);
        }
        return types;
    }

    /**
     * The exclusion table of each filter used on this model, by filter. Cleared when it holds many (a filter per
     * genre x type x member bound is a few thousand at most; the bound keeps a hostile caller from growing it).
     */
    Map<AnimeFilter, boolean[]> exclusions() {
        if (exclusions.size() > 4096) exclusions.clear();
        return exclusions;
    }

    /** The model with the metadata attached, ready to save (the ids are its keys). */
    public LightGCNModel withAttachments() {
        return model.withAttachment(METADATA, metadata(info));
    }

    /** Saves the model with its metadata, atomically (see {@link LightGCNModel#save}). */
    public void save(Path file) throws IOException {
        withAttachments().save(file);
    }

    /** Whether a model was trained on MAL files (it carries the anime data). */
    public static boolean isAnime(LightGCNModel model) {
        return model.attachment(METADATA).isPresent() || model.attachment(USERS).isPresent();
    }

    /**
     * Loads a model saved by {@link #save} (or by the command line of an earlier version).
     *
     * @throws IOException when the file is missing or unreadable, a plain LightGCN model without the anime data, or
     *                     the data does not match its embeddings (the message names the file)
     */
    public static AnimeModel load(Path file) throws IOException {
        if (!java.nio.file.Files.exists(file)) throw new FileNotFoundException("model file not found: " + file);
        return from(LightGCNModel.load(file), file);
    }

    /**
     * The anime data of a model already loaded from {@code file} (named in messages).
     *
     * @throws IOException when the model has no anime data or the data does not match its embeddings
     */
    public static AnimeModel from(LightGCNModel model, Path file) throws IOException {
        boolean old = model.attachment(USERS).isPresent(); // ids as attachments: a file from before keys
        for (String name : old ? List.of(USERS, ANIME, METADATA, FINGERPRINT) : List.of(METADATA)) {
            if (model.attachment(name).isEmpty()) {
                throw new IOException(file + " has no anime data (attachment " + name + "): train it with "
                        + "'lightgcn train --anime ... --ratings ...'");
            }
        }
        IdMapping users, anime;
        List<AnimeInfo> info;
        try {
            if (old) {
                users = IdMapping.ofSortedDistinct(readInts(model.attachment(USERS).orElseThrow()));
                anime = IdMapping.ofSortedDistinct(readInts(model.attachment(ANIME).orElseThrow()));
            } else {
                users = IdMapping.fromKeys(model.userKeys());
                anime = IdMapping.fromKeys(model.itemKeys());
            }
            info = readMetadata(model.attachment(METADATA).orElseThrow());
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": damaged anime data: " + (e instanceof java.io.EOFException
                    ? "it ends too soon" : e instanceof java.io.UTFDataFormatException ? "a title is malformed text"
                    : e.getMessage()), e); // those two say nothing (null) or the JDK's words
        }
        if (old) {
            String stored = new String(model.attachment(FINGERPRINT).orElseThrow(), StandardCharsets.US_ASCII);
            if (!stored.equals(fingerprint(users, anime))) {
                throw new IOException(file + ": the id mappings do not match their fingerprint");
            }
            if (users.size() == model.numUsers() && anime.size() == model.numItems()) {
                model = model.withKeys(users.toKeys(), anime.toKeys());
            }
        }
        try {
            return new AnimeModel(model, users, anime, info);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": damaged anime data: " + e.getMessage(), e);
        }
    }

    /** SHA-256 over both id lists, hex: identifies the id universe the embeddings were trained on. */
    public static String fingerprint(IdMapping users, IdMapping anime) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ints(users.originalIds()));
            sha.update(ints(anime.originalIds()));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    private static byte[] ints(int[] values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 + 4 * values.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(values.length);
            for (int v : values) out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown by a byte array
        }
        return bytes.toByteArray();
    }

    private static int[] readInts(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        int n = in.readInt();
        if (n < 0 || 4L + 4L * n != data.length) throw new IOException("id list of " + data.length + " bytes");
        int[] values = new int[n];
        for (int i = 0; i < n; i++) values[i] = in.readInt();
        return values;
    }

    private static byte[] metadata(List<AnimeInfo> info) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(info.size());
            for (AnimeInfo a : info) {
                out.writeInt(a.id());
                out.writeUTF(a.title());
                out.writeUTF(String.join(", ", a.genres()));
                out.writeUTF(a.type());
                out.writeInt(a.episodes());
                out.writeInt(a.members());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<AnimeInfo> readMetadata(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        int n = in.readInt();
        if (n < 0 || n > data.length) throw new IOException("metadata count " + n);
        List<AnimeInfo> info = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = in.readInt();
            String title = in.readUTF();
            String genres = in.readUTF();
            String type = in.readUTF();
            info.add(new AnimeInfo(id, title, genres.isEmpty() ? List.of() : List.of(genres.split(", ")), type,
                    in.readInt(), in.readInt()));
        }
        if (in.available() > 0) throw new IOException("metadata has " + in.available() + " trailing bytes");
        return info;
    }
}
