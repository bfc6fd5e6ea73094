package dev.scimctl.support;

import dev.scimctl.Version;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The facts of the machine a bug report needs first: scimctl's and Java's versions, the OS, locale and time zone. */
public final class SystemFacts {
    private SystemFacts() {
    }

    public static Map<String, Object> collect() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scimctl", Version.get());
        m.put("javaVersion", System.getProperty("java.version"));
        m.put("javaVendor", System.getProperty("java.vendor"));
        m.put("javaRuntime", System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version"));
        m.put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("locale", Locale.getDefault().toLanguageTag());
        m.put("charset", Charset.defaultCharset().name());
        m.put("timeZone", ZoneId.systemDefault().getId());
        return m;
    }
}
