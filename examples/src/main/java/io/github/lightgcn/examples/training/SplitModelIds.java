package io.github.lightgcn.examples.training;

import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.examples.cli.CliFailure;
import io.github.lightgcn.examples.cli.IoWords;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.EdgeList;
import io.github.lightgcn.io.IdMapping;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a model trained on split files ({@code train --train/--test/--format}) needs to read a held-out file
 * later: the format and index base (saved in the model file as the attachment {@value #ATTACHMENT}), and for csv
 * the original user and item ids, which are the model's keys (null here for adj and pairs, whose ids are the
 * indexes).
 *
 * <p>Files from before models carried keys hold the ids in the attachment {@value #OLD_ATTACHMENT} instead, with a
 * fingerprint so that damaged or mismatched mappings are refused; they are read too.
 *
 * <p>Reading a held-out file maps its ids onto the model's universe: dense ids (adj, pairs) beyond the model's
 * users or items are refused with the line and field (the file belongs to other data); csv ids unknown to the
 * model are counted and reported, never dropped silently.
 */
public record SplitModelIds(DataFormat format, int indexBase, KeyIndex users, KeyIndex items) {

    static final String ATTACHMENT = "split.format", OLD_ATTACHMENT = "split.ids";

    /** The format of a split as read for training, and its keys. */
    public static SplitModelIds of(KeyedSplit split, ReadOptions options) {
        boolean dense = options.format() != DataFormat.CSV;
        return new SplitModelIds(options.format(), options.indexBase(), dense ? null : split.train().userKeys(),
                dense ? null : split.train().itemKeys());
    }

    /** The model with the format attached (its keys are already the split's: it was trained on the keyed split). */
    public LightGCNModel attachTo(LightGCNModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(format.label());
            out.writeInt(indexBase);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown by a byte array
        }
        return model.withAttachment(ATTACHMENT, bytes.toByteArray());
    }

    /** The format and ids saved with a model, if it was trained on split files. */
    public static Optional<SplitModelIds> from(LightGCNModel model, Path file) {
        Optional<byte[]> data = model.attachment(ATTACHMENT);
        if (data.isEmpty()) return fromOldAttachment(model, file);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data.get()))) {
            DataFormat format = DataFormat.fromLabel(in.readUTF());
            int base = in.readInt();
            if (in.available() != 0) throw new IOException(in.available() + " trailing bytes");
            if (format != DataFormat.CSV) return Optional.of(new SplitModelIds(format, base, null, null));
            if (model.userKeys().type() != KeyIndex.Type.LONG || model.itemKeys().type() != KeyIndex.Type.LONG) {
                throw new IOException("a csv model's keys are numeric ids");
            }
            return Optional.of(new SplitModelIds(format, base, model.userKeys(), model.itemKeys()));
        } catch (IOException | IllegalArgumentException e) {
            throw new CliFailure(file + ": damaged split format data: " + IoWords.describe(e), e);
        }
    }

    /** A file of an earlier version: the format and, for csv, the id lists with their fingerprint. */
    private static Optional<SplitModelIds> fromOldAttachment(LightGCNModel model, Path file) {
        Optional<byte[]> data = model.attachment(OLD_ATTACHMENT);
        if (data.isEmpty()) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data.get()))) {
            DataFormat format = DataFormat.fromLabel(in.readUTF());
            int base = in.readInt();
            if (!in.readBoolean()) return Optional.of(new SplitModelIds(format, base, null, null));
            IdMapping users = IdMapping.ofSortedDistinct(readInts(in)), items = IdMapping.ofSortedDistinct(readInts(in));
            if (!in.readUTF().equals(AnimeModel.fingerprint(users, items))) {
                throw new CliFailure(file + ": the id mappings do not match their fingerprint");
            }
            if (users.size() != model.numUsers() || items.size() != model.numItems()) {
                throw new CliFailure(file + ": the id mappings (" + users.size() + " users, " + items.size()
                        + " items) do not fit the model (" + model.numUsers() + " x " + model.numItems() + ")");
            }
            return Optional.of(new SplitModelIds(format, base, KeyedSplit.keys(users), KeyedSplit.keys(items)));
        } catch (IOException | IllegalArgumentException e) {
            throw new CliFailure(file + ": damaged id data: " + IoWords.describe(e), e);
        }
    }

    /** Reads a held-out file in the model's format and maps it onto the model's ids. */
    public HeldOut read(Path heldOut, LightGCNModel model) throws IOException {
        ReadOptions options = users == null
                ? new ReadOptions(format, indexBase, model.numUsers(), model.numItems()) // ids beyond: refused
                : ReadOptions.of(DataFormat.CSV);
        EdgeList edges = SplitReader.readFile(options, heldOut);
        return HeldOut.map(edges.size(), p -> users == null ? edges.user(p) : users.indexOf((long) edges.user(p)),
                p -> items == null ? edges.item(p) : items.indexOf((long) edges.item(p)), model.trainGraph());
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 4) throw new IOException("id list of " + n + " ids does not fit");
        int[] values = new int[n];
        for (int i = 0; i < n; i++) values[i] = in.readInt();
        return values;
    }
}
