package io.backline.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.message.Message;
import io.backline.reminder.ReminderSettings;

/**
 * Each demo client's conversation with their trainer and their reminder settings. Messages are written as the
 * message entity directly: {@code MessageService} would email every reader at start and sign the audit trail as a
 * person who did not write them.
 */
@ApplicationScoped
class DemoConversations {
    @Inject
    DemoHistoryQuery query;

    /** One line of a conversation: how many days ago, at what time, who wrote it, and about the client's flag. */
    private record Line(int daysAgo, int hour, int minute, boolean fromClient, String body, boolean aboutFlag) {
        Line(int daysAgo, int hour, int minute, boolean fromClient, String body) {
            this(daysAgo, hour, minute, fromClient, body, false);
        }
    }

    void build(DemoClient client, DemoTime time) {
        List<Line> lines = switch (client.story()) {
            case ON_TARGET -> List.of(
                    new Line(9, 12, 10, false, "Great first weeks. How does the top level feel with the shorter holds?"),
                    new Line(9, 19, 5, true, "Much better, no soreness since. Can I go back to the full hold?"),
                    new Line(8, 8, 30, false, "Yes, from Monday. Tell me if the soreness comes back."),
                    new Line(1, 20, 15, true, "Three sessions again this week. The middle level is getting easy!"));
            case SLIPPING -> List.of(
                    new Line(12, 9, 0, false, "I noticed fewer sessions lately. Is the timing hard this month?"),
                    new Line(11, 21, 40, true, "Busy at work, sorry. I will try mornings."),
                    new Line(2, 19, 25, true, "I stopped tonight at the middle level: sharp pain. I reported it.", true),
                    new Line(1, 8, 0, false, "Thank you for stopping and telling us. Your program is paused until a "
                            + "health professional has seen you; I have referred you and the appointment is booked."));
            case DISENGAGED -> List.of(
                    new Line(20, 18, 0, true, "Away for two weeks from next Friday, I'll pick it up after."),
                    new Line(20, 18, 40, false, "Enjoy the trip! Even one session a week while away helps."),
                    new Line(4, 10, 0, false, "Welcome back! Shall we restart with shorter holds this week?"));
        };
        Instant clientRead = null;
        Instant trainerRead = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Message message = message(client, line, time);
            boolean last = i == lines.size() - 1;
            // The trainer has not yet read the on-target client's latest; the disengaged client has not opened theirs.
            if (!(last && line.fromClient() && client.story() == DemoCast.Story.ON_TARGET)) {
                trainerRead = message.writtenAt;
            }
            if (!(last && client.story() == DemoCast.Story.DISENGAGED)) {
                clientRead = message.writtenAt;
            }
        }
        query.markRead(client.client().id, client.trainer().userId, trainerRead);
        query.markRead(client.client().id, client.client().userId, clientRead);
    }

    private static Message message(DemoClient client, Line line, DemoTime time) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.clientId = client.client().id;
        message.fromClient = line.fromClient();
        message.authorUserId = line.fromClient() ? client.client().userId : client.trainer().userId;
        message.authorName = line.fromClient() ? client.client().fullName : client.trainer().fullName;
        message.body = line.body();
        message.flagId = line.aboutFlag() && client.flag() != null ? client.flag().id : null;
        message.requestKey = UUID.randomUUID();
        message.writtenAt = time.at(line.daysAgo(), line.hour(), line.minute());
        message.persist();
        return message;
    }

    /** Reminders on the client's session days; already planned for today, so the start sends none. */
    void reminders(DemoClient client, DemoTime time) {
        ReminderSettings settings = new ReminderSettings();
        settings.clientId = client.client().id;
        settings.days = client.part().number() % 2 == 0 ? "TUESDAY,THURSDAY,SATURDAY" : "MONDAY,WEDNESDAY,FRIDAY";
        settings.remindAt = client.part().number() % 2 == 0 ? LocalTime.of(18, 0) : LocalTime.of(7, 0);
        settings.quietFrom = LocalTime.of(21, 30);
        settings.quietUntil = LocalTime.of(7, 0);
        settings.emailOn = client.story() != DemoCast.Story.DISENGAGED;
        settings.lastPlannedOn = time.today();
        settings.lastNudgedWeek = time.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        settings.updatedAt = client.assignment().createdAt.plusSeconds(86_400);
        settings.persist();
    }
}
