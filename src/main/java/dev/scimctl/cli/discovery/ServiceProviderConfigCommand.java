package dev.scimctl.cli.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.output.FieldSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scimctl service-provider-config}: what the server says it supports, one feature a row. */
@Command(name = "service-provider-config")
@ExitCodes(ExitCode.PROBLEMS)
public final class ServiceProviderConfigCommand implements Callable<Integer> {
    /** One declared feature. */
    record Feature(String feature, JsonNode supported, String details) {
        ObjectNode json() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("feature", feature);
            o.set("supported", supported);
            o.put("details", details);
            return o;
        }
    }

    static final FieldSet<Feature> FIELDS = new FieldSet<Feature>()
            .add("feature", "patch, bulk, filter, sort, etag, changePassword, authenticationSchemes", true, Feature::feature)
            .add("supported", "what the server declares (empty: it says nothing)", true, Feature::supported)
            .add("details", "the feature's other settings", true, Feature::details);

    private static final List<String> FEATURES = List.of("patch", "bulk", "filter", "sort", "etag", "changePassword");

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() {
        server.output.fields(FIELDS);
        JsonNode config = new Discovery(server.client()).serviceProviderConfig();
        if (!server.printedAsServed(config)) {
            server.print(FIELDS, Feature::json, features(config));
        }
        return ExitCode.OK;
    }

    static List<Feature> features(JsonNode config) {
        List<Feature> rows = new ArrayList<>();
        for (String name : FEATURES) {
            JsonNode f = config.path(name);
            List<String> details = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : f.properties()) {
                if (!e.getKey().equals("supported")) {
                    details.add(e.getKey() + "=" + (e.getValue().isValueNode() ? e.getValue().asText() : e.getValue()));
                }
            }
            rows.add(new Feature(name, f.path("supported"), String.join(", ", details)));
        }
        List<String> schemes = new ArrayList<>();
        for (JsonNode s : config.path("authenticationSchemes")) {
            schemes.add(s.path("type").asText(s.path("name").asText("?"))
                    + (s.path("primary").asBoolean(false) ? " (primary)" : ""));
        }
        rows.add(new Feature("authenticationSchemes", JsonNodeFactory.instance.booleanNode(!schemes.isEmpty()),
                String.join(", ", schemes)));
        return rows;
    }
}
