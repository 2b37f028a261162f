package io.backline.home;

import io.backline.clientpage.ClientPage;
import io.backline.clinic.ClinicSettings;
import io.backline.dashboard.Dashboard;
import io.backline.directory.Providers;
import io.backline.invitation.Invitations;
import io.backline.message.Conversations;
import io.backline.message.Inbox;
import io.backline.message.MyMessages;
import io.backline.notification.MyNotifications;
import io.backline.people.Clients;
import io.backline.people.Staff;
import io.backline.people.LanguageSwitch;
import io.backline.practice.Progress;
import io.backline.practice.Today;
import io.backline.program.Programs;
import io.backline.referral.MyReferrals;
import io.backline.referral.Referrals;
import io.backline.reminder.Reminders;
import io.backline.safety.ClientScreening;
import io.backline.symptom.Flags;
import io.backline.symptom.MyFlags;
import io.backline.web.RouteTemplate;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.TemplateExtension;

/**
 * The links every page's menu shows and the per-row links of long lists: {@code {link:dashboard}},
 * {@code {link:clientPage(row.clientId)}}. Each is a method reference, so a renamed route fails the build, and each
 * address is built once (docs/adr/0032); other links use {@code {uri:…}}.
 */
@TemplateExtension(namespace = "link")
public final class Links {
    private static final RouteTemplate HOME = RouteTemplate.withId(id -> Router.getURI(Home::index));
    private static final RouteTemplate CLINIC = RouteTemplate.withId(id -> Router.getURI(Home::clinic));
    private static final RouteTemplate DASHBOARD = RouteTemplate.withId(id -> Router.getURI(Dashboard::dashboard, (String) null));
    private static final RouteTemplate CLIENTS = RouteTemplate.withId(id -> Router.getURI(Clients::index, null, null));
    private static final RouteTemplate FLAGS = RouteTemplate.withId(id -> Router.getURI(Flags::queue, (String) null));
    private static final RouteTemplate REFERRALS = RouteTemplate.withId(id -> Router.getURI(Referrals::index, null, null));
    private static final RouteTemplate DIRECTORY = RouteTemplate.withId(id -> Router.getURI(Providers::index, null, null, null));
    private static final RouteTemplate PROGRAMS = RouteTemplate.withId(id -> Router.getURI(Programs::index));
    private static final RouteTemplate STAFF = RouteTemplate.withId(id -> Router.getURI(Staff::index, null, null));
    private static final RouteTemplate INVITATIONS = RouteTemplate.withId(id -> Router.getURI(Invitations::index, (String) null));
    private static final RouteTemplate SETTINGS = RouteTemplate.withId(id -> Router.getURI(ClinicSettings::show));
    private static final RouteTemplate TODAY = RouteTemplate.withId(id -> Router.getURI(Today::todayPage));
    private static final RouteTemplate REPORT = RouteTemplate.withId(id -> Router.getURI(MyFlags::report, (String) null));
    private static final RouteTemplate MY_REFERRALS = RouteTemplate.withId(id -> Router.getURI(MyReferrals::index));
    private static final RouteTemplate SIGN_OUT = RouteTemplate.withId(id -> Router.getURI(SignOut::signOut));
    private static final RouteTemplate SCREENING = RouteTemplate.withId(id -> Router.getURI(ClientScreening::form));
    private static final RouteTemplate CHECK_OFF = RouteTemplate.withId(id -> Router.getURI(Today::checkOff));
    private static final RouteTemplate PRINT = RouteTemplate.withId(id -> Router.getURI(Today::print));
    private static final RouteTemplate MESSAGES = RouteTemplate.withId(id -> Router.getURI(Inbox::inbox));
    private static final RouteTemplate MY_MESSAGES = RouteTemplate.withId(id -> Router.getURI(MyMessages::conversation));
    private static final RouteTemplate CONVERSATION = RouteTemplate.withId(id -> Router.getURI(Conversations::conversation, id));
    private static final RouteTemplate NOTIFICATIONS = RouteTemplate.withId(id -> Router.getURI(MyNotifications::list));
    private static final RouteTemplate REMINDERS = RouteTemplate.withId(id -> Router.getURI(Reminders::edit));
    private static final RouteTemplate PROGRESS = RouteTemplate.withId(id -> Router.getURI(Progress::progress, (String) null));
    private static final RouteTemplate LANGUAGE_SWITCH = RouteTemplate.withId(id -> Router.getURI(LanguageSwitch::change, (String) null));
    private static final RouteTemplate FLAG_COUNT = RouteTemplate.withId(id -> Router.getURI(Flags::count));
    private static final RouteTemplate MESSAGE_COUNT = RouteTemplate.withId(id -> Router.getURI(Inbox::count));
    private static final RouteTemplate NOTIFICATION_COUNT = RouteTemplate.withId(id -> Router.getURI(MyNotifications::count));
    private static final RouteTemplate SIGN_OUT_PAGE = RouteTemplate.withId(id -> Router.getURI(SignOut::confirm));

    private static final RouteTemplate CLIENT_PAGE = RouteTemplate.withId(id -> Router.getURI(ClientPage::show, id));
    private static final RouteTemplate FLAG = RouteTemplate.withId(id -> Router.getURI(Flags::flag, id));
    private static final RouteTemplate REFERRAL = RouteTemplate.withId(id -> Router.getURI(Referrals::show, id));
    private static final RouteTemplate STAFF_MEMBER = RouteTemplate.withId(id -> Router.getURI(Staff::person, id));
    private static final RouteTemplate PROGRAM = RouteTemplate.withId(id -> Router.getURI(Programs::show, id));
    private static final RouteTemplate MY_FLAG = RouteTemplate.withId(id -> Router.getURI(MyFlags::flag, id));
    private static final RouteTemplate MY_REFERRAL = RouteTemplate.withId(id -> Router.getURI(MyReferrals::show, id));

    private Links() {
    }

    static String home() {
        return HOME.path();
    }

    static String clinic() {
        return CLINIC.path();
    }

    static String dashboard() {
        return DASHBOARD.path();
    }

    static String clients() {
        return CLIENTS.path();
    }

    static String flags() {
        return FLAGS.path();
    }

    static String referrals() {
        return REFERRALS.path();
    }

    static String directory() {
        return DIRECTORY.path();
    }

    static String programs() {
        return PROGRAMS.path();
    }

    static String staff() {
        return STAFF.path();
    }

    static String invitations() {
        return INVITATIONS.path();
    }

    static String settings() {
        return SETTINGS.path();
    }

    static String today() {
        return TODAY.path();
    }

    static String report() {
        return REPORT.path();
    }

    static String myReferrals() {
        return MY_REFERRALS.path();
    }

    static String signOut() {
        return SIGN_OUT.path();
    }

    static String screening() {
        return SCREENING.path();
    }

    static String checkOff() {
        return CHECK_OFF.path();
    }

    static String print() {
        return PRINT.path();
    }

    static String signOutPage() {
        return SIGN_OUT_PAGE.path();
    }

    static String messages() {
        return MESSAGES.path();
    }

    static String myMessages() {
        return MY_MESSAGES.path();
    }

    static String notifications() {
        return NOTIFICATIONS.path();
    }

    static String reminders() {
        return REMINDERS.path();
    }

    static String progress() {
        return PROGRESS.path();
    }

    static String languageSwitch() {
        return LANGUAGE_SWITCH.path();
    }

    static String flagCount() {
        return FLAG_COUNT.path();
    }

    static String messageCount() {
        return MESSAGE_COUNT.path();
    }

    static String notificationCount() {
        return NOTIFICATION_COUNT.path();
    }

    static String conversation(Object clientId) {
        return CONVERSATION.with(clientId);
    }

    static String clientPage(Object clientId) {
        return CLIENT_PAGE.with(clientId);
    }

    static String flag(Object flagId) {
        return FLAG.with(flagId);
    }

    static String referral(Object referralId) {
        return REFERRAL.with(referralId);
    }

    static String staffMember(Object staffId) {
        return STAFF_MEMBER.with(staffId);
    }

    static String program(Object programId) {
        return PROGRAM.with(programId);
    }

    static String myFlag(Object flagId) {
        return MY_FLAG.with(flagId);
    }

    static String myReferral(Object referralId) {
        return MY_REFERRAL.with(referralId);
    }
}
