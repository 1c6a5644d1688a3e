package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.constant;
import static io.kdg4j.core.Fields.fake;
import static io.kdg4j.core.Fields.faker;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.oneOf;

import io.kdg4j.core.schema.ValueSpec;
import java.util.ArrayList;
import java.util.List;

/** faker 3.1's {@code system} namespace. */
final class SystemHelpers {
    private SystemHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.helper("system.fileName", "", "lorem words joined by _ with a Datafaker file extension",
                call -> concat(fake("lorem.words"), "_", fake("lorem.words"), ".", fake("#{File.extension}")));
        table.helper("system.commonFileName", "ext", "a lorem word with the extension `ext` (or a common one)",
                call -> concat(fake("lorem.words"), ".", !call.hasArguments() ? commonExtension()
                        : constant(call.string(0, "txt"))));
        table.fakeHelper("system.mimeType", "#{File.mimeType}", "Datafaker `File.mimeType`");
        table.helper("system.commonFileType", "", "video, audio, image, text or application",
                call -> oneOf("video", "audio", "image", "text", "application"));
        table.helper("system.commonFileExt", "", "an extension of one of faker 3.1's nine common MIME types (pdf, "
                + "mp3, wav, png, jpg, gif, mp4, mpeg, html and their variants)", call -> commonExtension());
        table.helper("system.fileType", "", "one of the twelve MIME top-level types faker 3.1 knows (application, "
                + "audio, chemical... x-shader)", call -> oneOf(Faker31Values.FILE_TYPES));
        table.fakeHelper("system.fileExt", "#{File.extension}", "Datafaker `File.extension`");
        table.helper("system.directoryPath", "", "/word/word of lorem words (faker 3.1 prints `undefined`)",
                call -> directoryPath());
        table.helper("system.filePath", "", "directoryPath/word.extension (faker 3.1 prints `undefined`)",
                call -> concat(directoryPath(), "/", faker(f -> f.lorem().word()), ".", fake("#{File.extension}")));
        table.helper("system.semver", "", "major.minor.patch, each in [0, 9]",
                call -> concat(integers(0, 9), ".", integers(0, 9), ".", integers(0, 9)));
    }

    private static ValueSpec commonExtension() {
        List<Object> byType = new ArrayList<>();
        Faker31Values.COMMON_FILE_EXTENSIONS.forEach(extensions -> byType.add(oneOf(extensions)));
        return oneOf(byType);
    }

    private static ValueSpec directoryPath() {
        return faker(f -> "/" + f.lorem().word() + "/" + f.lorem().word());
    }
}
