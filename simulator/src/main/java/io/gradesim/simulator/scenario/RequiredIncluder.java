package io.gradesim.simulator.scenario;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseable;
import java.io.File;

/**
 * Makes an {@code include} of a missing file an error. HOCON skips a missing include silently
 * unless it is written {@code include required(...)} (HOCON.md, "Include semantics: missing
 * files"): a scenario would then run with the defaults in place of the settings it meant. A name
 * without an extension is looked for as {@code .conf}, {@code .json} and {@code .properties}, as
 * HOCON does; URL and classpath includes keep HOCON's behaviour.
 */
final class RequiredIncluder implements ConfigIncluder, ConfigIncluderFile {
  private static final String[] EXTENSIONS = {".conf", ".json", ".properties"};

  @Override
  public ConfigIncluder withFallback(ConfigIncluder other) {
    return this; // file includes never fall back to skipping; HOCON handles url() itself
  }

  @Override
  public ConfigObject include(ConfigIncludeContext context, String what) {
    String base = new File(what).getName();
    if (base.contains(".")) {
      return required(context, what, what);
    }
    for (String ext : EXTENSIONS) {
      ConfigParseable p = context.relativeTo(what + ext);
      if (p != null) {
        try {
          return p.parse(context.parseOptions().setAllowMissing(false));
        } catch (ConfigException.IO missing) {
          // try the next extension
        }
      }
    }
    throw new ConfigException.Generic(
        "include \""
            + what
            + "\": no "
            + what
            + ".conf, "
            + what
            + ".json or "
            + what
            + ".properties found");
  }

  private ConfigObject required(ConfigIncludeContext context, String what, String shown) {
    ConfigParseable p = context.relativeTo(what);
    if (p == null) {
      throw new ConfigException.Generic("include \"" + shown + "\": cannot be resolved");
    }
    try {
      return p.parse(context.parseOptions().setAllowMissing(false));
    } catch (ConfigException.IO e) {
      throw new ConfigException.Generic("include \"" + shown + "\": no such file");
    }
  }

  @Override
  public ConfigObject includeFile(ConfigIncludeContext context, File what) {
    try {
      return ConfigFactory.parseFile(what, context.parseOptions().setAllowMissing(false)).root();
    } catch (ConfigException.IO e) {
      throw new ConfigException.Generic("include file(\"" + what + "\"): no such file");
    }
  }
}
