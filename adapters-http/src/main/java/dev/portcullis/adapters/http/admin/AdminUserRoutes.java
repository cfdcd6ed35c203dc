package dev.portcullis.adapters.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.NewUser;
import dev.portcullis.application.port.in.admin.UserChanges;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.domain.token.AccessTokenClaims;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admin/users}: create ({@code username}, {@code password}, {@code roles}), read, and update with PUT or
 * PATCH ({@code password}, {@code roles}, {@code enabled}: {@code false} disables the user). Passwords are hashed
 * with the configured slow KDF and never echoed; the hash is never shown.
 */
public final class AdminUserRoutes implements HttpService {

    private static final Set<String> CREATE_FIELDS = Set.of("username", "password", "roles", "enabled");
    private static final Set<String> UPDATE_FIELDS = Set.of("username", "password", "roles", "enabled");

    private final AdminUseCases admin;
    private final AdminGate gate;

    public AdminUserRoutes(AdminUseCases admin, AdminGate gate) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(Paths.ADMIN_USERS, this::create)
                .any(Paths.ADMIN_USERS, MethodNotAllowed.allowing(Method.POST))
                .get(Paths.ADMIN_USER, this::read)
                .put(Paths.ADMIN_USER, this::update)
                .patch(Paths.ADMIN_USER, this::update)
                .any(Paths.ADMIN_USER, MethodNotAllowed.allowing(Method.GET, Method.PUT, Method.PATCH));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Optional<AccessTokenClaims> caller = gate.admit(req, res);
        if (caller.isEmpty()) {
            return;
        }
        Optional<ObjectNode> body = AdminJson.readObject(req, res, CREATE_FIELDS);
        if (body.isEmpty()) {
            return;
        }
        NewUser request;
        boolean enabled;
        try {
            String name = AdminJson.string(body.get(), "username").orElseThrow(() -> new AdminJson.BadField("username is required"));
            if (!Username.isValid(name)) {
                throw new AdminJson.BadField("username must be 1 to 255 characters, without control characters");
            }
            String password = AdminJson.string(body.get(), "password").orElseThrow(() -> new AdminJson.BadField("password is required"));
            request = new NewUser(new Username(name), password, AdminJson.strings(body.get(), "roles").orElse(List.of()));
            enabled = AdminJson.bool(body.get(), "enabled").orElse(true);
        } catch (AdminJson.BadField e) {
            AdminJson.error(res, Status.BAD_REQUEST_400, "invalid_request", e.getMessage());
            return;
        }
        AdminResult<User> result = admin.createUser().create(request);
        if (!enabled && result instanceof AdminResult.Done<User>) {
            result = admin.updateUser().update(request.username(), UserChanges.disable());
        }
        switch (result) {
            case AdminResult.Rejected<User> r -> AdminJson.rejected(res, r);
            case AdminResult.Done<User> done -> {
                audit(caller.get(), "admin.user.created", done.value());
                res.header(HeaderNames.LOCATION, Paths.ADMIN_USERS + "/"
                        + URLEncoder.encode(done.value().username().value(), StandardCharsets.UTF_8).replace("+", "%20"));
                Json.send(res, Status.CREATED_201, describe(done.value()));
            }
        }
    }

    private void read(ServerRequest req, ServerResponse res) {
        if (gate.admit(req, res).isEmpty()) {
            return;
        }
        Optional<Username> name = pathUsername(req, res);
        if (name.isEmpty()) {
            return;
        }
        admin.readUser().read(name.get()).ifPresentOrElse(
                u -> Json.send(res, Status.OK_200, describe(u)),
                () -> AdminJson.error(res, Status.NOT_FOUND_404, "not_found", "no such user"));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Optional<AccessTokenClaims> caller = gate.admit(req, res);
        if (caller.isEmpty()) {
            return;
        }
        Optional<Username> name = pathUsername(req, res);
        if (name.isEmpty()) {
            return;
        }
        Optional<ObjectNode> body = AdminJson.readObject(req, res, UPDATE_FIELDS);
        if (body.isEmpty()) {
            return;
        }
        UserChanges changes;
        try {
            Optional<String> bodyName = AdminJson.string(body.get(), "username");
            if (bodyName.isPresent() && !bodyName.get().equals(name.get().value())) {
                throw new AdminJson.BadField("username cannot change");
            }
            changes = new UserChanges(AdminJson.string(body.get(), "password"), AdminJson.strings(body.get(), "roles"),
                    AdminJson.bool(body.get(), "enabled").map(on -> on ? User.Status.ENABLED : User.Status.DISABLED));
        } catch (AdminJson.BadField e) {
            AdminJson.error(res, Status.BAD_REQUEST_400, "invalid_request", e.getMessage());
            return;
        }
        switch (admin.updateUser().update(name.get(), changes)) {
            case AdminResult.Rejected<User> r -> AdminJson.rejected(res, r);
            case AdminResult.Done<User> done -> {
                audit(caller.get(), changes.status().filter(s -> s == User.Status.DISABLED).isPresent()
                        ? "admin.user.disabled" : "admin.user.updated", done.value());
                Json.send(res, Status.OK_200, describe(done.value()));
            }
        }
    }

    private void audit(AccessTokenClaims caller, String type, User user) {
        admin.audit().record(AuditTrail.Event.of(type, "actor", caller.subject(), "actor_client_id", caller.clientId().value(),
                "username", user.username().value()));
    }

    private static Optional<Username> pathUsername(ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("username");
        if (!Username.isValid(raw)) {
            AdminJson.error(res, Status.NOT_FOUND_404, "not_found", "no such user");
            return Optional.empty();
        }
        return Optional.of(new Username(raw));
    }

    static ObjectNode describe(User user) {
        ObjectNode node = Json.object();
        node.put("username", user.username().value());
        ArrayNode roles = node.putArray("roles");
        user.roles().forEach(roles::add);
        node.put("enabled", user.isEnabled());
        return node;
    }
}
