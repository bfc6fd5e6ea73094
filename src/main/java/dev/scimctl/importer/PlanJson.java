package dev.scimctl.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scimctl.io.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan as one JSON document (--plan-out), for review, for a change ticket, or for a script. */
public final class PlanJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PlanJson() {
    }

    /**
     * @param context facts about the plan's making (input, server, how the state was read), put first
     */
    public static Map<String, Object> document(Plan plan, Map<String, Object> context) {
        Map<String, Object> doc = new LinkedHashMap<>(context);
        Plan.Counts c = plan.counts();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("create", c.create());
        counts.put("update", c.update());
        counts.put("unchanged", c.unchanged());
        counts.put("deactivate", c.deactivate());
        counts.put("skipped", c.skipped());
        counts.put("groupCreate", c.groupCreate());
        counts.put("memberAdd", c.memberAdd());
        counts.put("memberRemove", c.memberRemove());
        counts.put("changes", c.changes());
        doc.put("counts", counts);
        List<Map<String, Object>> users = new ArrayList<>();
        for (UserStep s : plan.users()) {
            Map<String, Object> u = new LinkedHashMap<>();
            if (s.line() > 0) {
                u.put("line", s.line());
            }
            u.put("userName", s.userName());
            u.put("action", s.action().label());
            if (s.id() != null) {
                u.put("id", s.id());
            }
            if (!s.changes().isEmpty()) {
                u.put("changes", s.changes().stream().map(PlanJson::change).toList());
            }
            users.add(u);
        }
        doc.put("users", users);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (GroupStep g : plan.groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("displayName", g.displayName());
            m.put("action", g.create() ? "create" : g.changesSomething() ? "update" : "unchanged");
            if (g.id() != null) {
                m.put("id", g.id());
            }
            m.put("add", g.add());
            m.put("remove", members(g.remove()));
            groups.add(m);
        }
        doc.put("groups", groups);
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (SkippedRow s : plan.skipped()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", s.line());
            m.put("userName", s.userName());
            m.put("reason", s.reason());
            skipped.add(m);
        }
        doc.put("skipped", skipped);
        return doc;
    }

    /** A change as the plan and the journal write it. */
    static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attribute", c.attribute().label());
        m.put("from", c.from());
        m.put("to", c.to());
        return m;
    }

    /** Group members (those a group step removes) as the plan and the journal write them. */
    static List<Map<String, String>> members(List<GroupStep.Member> members) {
        List<Map<String, String>> list = new ArrayList<>();
        for (GroupStep.Member member : members) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", member.id());
            m.put("display", member.display());
            list.add(m);
        }
        return list;
    }

    /** Writes the document atomically. */
    public static void write(Path file, Plan plan, Map<String, Object> context) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(document(plan, context));
            AtomicFile.write(file, out -> {
                out.write(bytes);
                out.write('\n');
            }, false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write the plan: " + e.getMessage(), e));
        }
    }
}
