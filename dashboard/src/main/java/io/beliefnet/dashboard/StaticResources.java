package io.beliefnet.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's files, read from the class path: the dashboard's own under {@code web/} beside this
 * class, and the WebJars' under {@code /webjars/<name>/<path>}, resolved to the version on the
 * class path so that the page names no version and the build pins them.
 */
final class StaticResources {

  /** A file to serve. */
  record Resource(byte[] bytes, String contentType) {}

  private static final String OWN_ROOT = "io/beliefnet/dashboard/web";
  private static final String WEBJARS_PREFIX = "/webjars/";

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "map", "application/json; charset=utf-8");

  private final ClassLoader classLoader = StaticResources.class.getClassLoader();

  /** The file a request path names, if there is one; {@code /} is the page itself. */
  Optional<Resource> find(String path) {
    if (path.contains("..") || path.contains("//")) {
      return Optional.empty();
    }
    if (path.equals("/")) {
      return read(OWN_ROOT + "/index.html");
    }
    if (path.startsWith(WEBJARS_PREFIX)) {
      return webJarPath(path.substring(WEBJARS_PREFIX.length())).flatMap(this::read);
    }
    return read(OWN_ROOT + path);
  }

  /**
   * {@code chart.js/dist/chart.js} → {@code
   * META-INF/resources/webjars/chart.js/<version>/dist/chart.js}, with the version of the WebJar on
   * the class path.
   */
  private Optional<String> webJarPath(String nameAndPath) {
    int slash = nameAndPath.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String name = nameAndPath.substring(0, slash);
    String path = nameAndPath.substring(slash);
    return webJarVersion(name)
        .map(version -> "META-INF/resources/webjars/" + name + "/" + version + path);
  }

  private Optional<String> webJarVersion(String name) {
    String pomProperties = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    try (InputStream in = classLoader.getResourceAsStream(pomProperties)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version of WebJar " + name, e);
    }
  }

  /** Only files of the kinds a page loads: never a folder, a class or a property file. */
  private Optional<Resource> read(String classPathName) {
    String extension = classPathName.substring(classPathName.lastIndexOf('.') + 1);
    String contentType = CONTENT_TYPES.get(extension);
    if (contentType == null) {
      return Optional.empty();
    }
    try (InputStream in = classLoader.getResourceAsStream(classPathName)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Resource(in.readAllBytes(), contentType));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + classPathName + " from the class path", e);
    }
  }
}
