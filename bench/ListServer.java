import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.sandbox.SandboxServer;
import dev.scimctl.sandbox.SandboxStore;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * bench/list.sh's server: the sandbox on a free port with N users put straight into its store (seeding 20,000 over
 * HTTP would take a minute), then its base URL on stdout. It serves until stdin closes.
 *
 *   java -cp target/scimctl-all.jar:bench/out/classes ListServer 20000 TOKENFILE
 */
public final class ListServer {
    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        String token = Files.readString(Path.of(args[1])).strip();
        try (SandboxServer server = SandboxServer.builder().token(token).maxPageSize(1000).build().start()) {
            SandboxStore store = server.store();
            for (int i = 1; i <= users; i++) {
                ObjectNode u = JsonNodeFactory.instance.objectNode();
                u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
                String userName = String.format("user%05d@example.com", i);
                u.put("userName", userName);
                u.putObject("name").put("givenName", "Given" + i).put("familyName", "Family" + i);
                u.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
                u.put("active", i % 10 != 0);
                ObjectNode ext = u.putObject("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User");
                if (i % 10 == 1) {
                    ext.put("userType", "technician");
                } else {
                    ext.put("userType", "endUser").put("organizationId", Integer.toString(100 + i % 50));
                }
                store.createUser(u);
            }
            System.out.println(server.baseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the script closes our stdin
            }
        }
    }
}
