package io.kdg4j.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Shares of a scenario run in checkpoints and on their way to the readers. The scenario's text travels with each
 * share (the reader plans the run from it); texts are written in UTF-8 with their length, so no size limit applies.
 */
final class ShareSplitSerializer implements SimpleVersionedSerializer<ShareSplit> {
    static final ShareSplitSerializer INSTANCE = new ShareSplitSerializer();

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(ShareSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public ShareSplit deserialize(int version, byte[] serialized) throws IOException {
        checkVersion(version);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    static void write(ShareSplit split, DataOutputStream out) throws IOException {
        writeText(out, split.recipe.text());
        writeText(out, split.recipe.source());
        out.writeInt(split.recipe.siblings().size());
        for (Map.Entry<String, String> sibling : split.recipe.siblings().entrySet()) {
            writeText(out, sibling.getKey());
            writeText(out, sibling.getValue());
        }
        out.writeLong(split.seed);
        out.writeLong(split.startMillis);
        out.writeLong(split.total);
        out.writeInt(split.instance);
        out.writeInt(split.count);
        out.writeLong(split.emitted);
    }

    static ShareSplit read(DataInputStream in) throws IOException {
        String text = readText(in);
        String source = readText(in);
        int siblingCount = in.readInt();
        Map<String, String> siblings = new LinkedHashMap<>();
        for (int i = 0; i < siblingCount; i++) {
            siblings.put(readText(in), readText(in));
        }
        return new ShareSplit(ScenarioRecipe.restored(text, source, siblings), in.readLong(), in.readLong(),
                in.readLong(), in.readInt(), in.readInt(), in.readLong());
    }

    static void checkVersion(int version) throws IOException {
        if (version != 1) {
            throw new IOException("unknown version " + version + " of a kdg4j scenario share");
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The enumerator's checkpoint: the shares not yet handed to a reader. */
    static final class Remaining implements SimpleVersionedSerializer<Collection<ShareSplit>> {
        static final Remaining INSTANCE = new Remaining();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Collection<ShareSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (ShareSplit split : splits) {
                    write(split, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public Collection<ShareSplit> deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int size = in.readInt();
                List<ShareSplit> splits = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    splits.add(read(in));
                }
                return splits;
            }
        }
    }
}
