package dev.scimctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SandboxStoreTest {

    @TempDir
    Path temp;

    static ObjectNode userNode(String userName) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        user.put("userName", userName);
        return user;
    }

    @Test
    void assigns_id_meta_and_active_and_hands_out_copies() {
        SandboxStore store = new SandboxStore();

        ObjectNode stored = store.createUser(userNode("a@example.com"));
        stored.put("userName", "changed-by-caller");

        String id = stored.get("id").asText();
        ObjectNode read = store.user(id).orElseThrow();
        assertThat(read.get("userName").asText()).isEqualTo("a@example.com");
        assertThat(read.get("active").asBoolean()).isTrue();
        assertThat(read.at("/meta/created").asText()).isNotBlank();
        assertThat(read.at("/meta/version").asText()).isEqualTo("W/\"1\"");
    }

    @Test
    void keeps_userNames_unique_ignoring_case_even_under_concurrent_creates() throws Exception {
        SandboxStore store = new SandboxStore();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> attempts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String userName = i % 2 == 0 ? "same@example.com" : "SAME@example.com";
                attempts.add(pool.submit(() -> store.createUser(userNode(userName))));
            }
            int created = 0;
            for (Future<?> attempt : attempts) {
                try {
                    attempt.get();
                    created++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SandboxConflictException.class);
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(store.userCount()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void finds_a_user_by_userName_ignoring_case_and_frees_the_old_name_on_rename() {
        SandboxStore store = new SandboxStore();
        String id = store.createUser(userNode("Old@example.com")).get("id").asText();

        store.replaceUser(id, userNode("new@example.com"));

        assertThat(store.userByUserName("NEW@example.com")).isPresent();
        assertThat(store.userByUserName("old@example.com")).isEmpty();
        assertThat(store.createUser(userNode("old@example.com")).get("id").asText()).isNotEqualTo(id);
    }

    @Test
    void lists_in_creation_order() {
        SandboxStore store = new SandboxStore();
        for (String name : List.of("c", "a", "b")) {
            store.createUser(userNode(name + "@example.com"));
        }

        assertThat(store.users()).extracting(user -> user.get("userName").asText())
                .containsExactly("c@example.com", "a@example.com", "b@example.com");
    }

    @Test
    void round_trips_through_a_file() {
        SandboxStore store = new SandboxStore();
        String id = store.createUser(userNode("a@example.com")).get("id").asText();
        store.deleteUser(id, false);
        Path file = temp.resolve("sub/dir/data.json");

        store.save(file);
        SandboxStore loaded = new SandboxStore();
        loaded.load(file);

        assertThat(loaded.users()).isEqualTo(store.users());
        assertThat(loaded.isDirty()).isFalse();
        assertThatThrownBy(() -> loaded.createUser(userNode("A@example.com"))).isInstanceOf(SandboxConflictException.class);
    }

    @Test
    void saves_through_a_link_to_its_target_readable_by_the_owner_only() throws Exception {
        SandboxStore store = new SandboxStore();
        store.createUser(userNode("a@example.com"));
        Path target = temp.resolve("kept/data.json");
        Path link = Files.createSymbolicLink(temp.resolve("data.json"), Path.of("kept/data.json"));

        store.save(link);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        SandboxStore loaded = new SandboxStore();
        loaded.load(link);
        assertThat(loaded.users()).isEqualTo(store.users());
    }

    @Test
    void treats_a_missing_file_as_no_data() {
        SandboxStore store = new SandboxStore();
        store.createUser(userNode("a@example.com"));

        store.load(temp.resolve("absent.json"));

        assertThat(store.userCount()).isZero();
    }
}
