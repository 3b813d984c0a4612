package cn.cadreflow.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database to the server's own user: before any bean (so before the database is opened) the
 * directory of a {@code jdbc:h2:file:} URL is created {@code rwx------}, or made so, and the database's existing
 * files are made {@code rw-------}. Files H2 creates later get the process's umask, inside a directory nobody else
 * can enter. Other databases are left alone.
 */
@Component
class DataDirectory implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    /** An H2 URL naming another storage than a plain file: mem:, tcp:, ssl:, zip: … */
    private static final Pattern OTHER_STORAGE = Pattern.compile("^[A-Za-z]{2,}:.*");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Path database = h2File(environment.getProperty("spring.datasource.url"));
        if (database != null) {
            try {
                protect(database);
            } catch (IOException e) {
                throw new UncheckedIOException("could not make the data directory of " + database + " owner-only", e);
            }
        }
    }

    /** The database file's base path of an H2 file URL, or null for any other URL. */
    static Path h2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = url.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        rest = options < 0 ? rest : rest.substring(0, options);
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (OTHER_STORAGE.matcher(rest).matches()) {
            return null;
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return rest.isEmpty() ? null : Path.of(rest).toAbsolutePath().normalize();
    }

    /** Makes the database's directory and existing files owner-only. */
    static void protect(Path database) throws IOException {
        if (!OwnerOnlyFiles.supported()) {
            return;
        }
        Path dir = database.getParent();
        if (!OwnerOnlyFiles.directory(dir)) {
            log.warn("The data directory {} is shared with other users: only the database's own files are made"
                    + " owner-only. Set CADREFLOW_DATA to a directory of its own.", dir);
        }
        String prefix = database.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                file -> file.getFileName().toString().startsWith(prefix))) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    OwnerOnlyFiles.file(file);
                }
            }
        }
    }
}
