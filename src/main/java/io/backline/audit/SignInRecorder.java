package io.backline.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.backline.clinic.ClinicMember;
import io.backline.clinic.TokenClaims;
import io.quarkus.oidc.AuthenticationCompletionAction;
import io.smallrye.mutiny.Uni;

/**
 * Writes "signed in" when the code flow completes, for the clinic and person of the new session. The sign-in waits for
 * the row, written on a worker thread (not the event loop the flow completes on), and fails if it cannot be written:
 * nobody works in a clinic without a trace of their sign-in (docs/adr/0036).
 */
@ApplicationScoped
class SignInRecorder implements AuthenticationCompletionAction {
    @Inject
    AuditQuery events;
    @Inject
    TrustedProxies proxies;

    @Override
    public Uni<Void> action(AuthenticationCompletionContext context) {
        // Someone with no membership in the clinic they chose has no clinic to record under; the app refuses them.
        ClinicMember member = ClinicMember.of(context.identity()).orElse(null);
        if (member == null || !(context.identity().getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            return Uni.createFrom().voidItem();
        }
        // A client's name would outlive their erasure in a trail nobody can edit; their sign-in names their record.
        String name = member.clientId().isPresent() ? AuditTrail.CLIENT_ACTOR : TokenClaims.text(token, "name");
        String actorName = name != null ? name : TokenClaims.text(token, "preferred_username");
        String requestId = RequestId.of(context.routingContext().request(), proxies);
        return context.requestContext().runBlocking(() -> {
            events.insertForClinic(member.clinic().id, AuditSubject.signIn(member.clientId().orElse(null)), UUID.fromString(token.getSubject()),
                    actorName == null ? "" : actorName.length() > 160 ? actorName.substring(0, 160) : actorName,
                    AuditTrail.SIGNED_IN, requestId);
            return context.identity();
        }).replaceWithVoid();
    }
}
