package dev.cohort.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotificationJsonTest {
    @Test
    void writesStableSnakeCaseFieldsWithTheEventFirst() {
        assertThat(NotificationJson.write(Notifications.failed())).isEqualTo("""
                {"event":"run.failed","id":17,"workspace":"acme","level":"ERROR","title":"koupon_weekly failed",\
                "message":"The partner refused the file.","orchestration":"koupon_weekly","run_id":42,\
                "run_status":"FAILED","rows_read":10000,"rows_sent":9000,"rows_rejected":12,\
                "error_code":"PARTNER_REJECTED","error_message":"Koupon Media answered 550: quota exceeded",\
                "created_at":"2026-03-01T09:30:00Z"}""");
    }

    @Test
    void fieldsWithoutValueArePresentAsNull() {
        assertThat(NotificationJson.write(Notifications.completed()))
                .contains("\"error_code\":null", "\"error_message\":null", "\"message\":\"\"");
    }

    @Test
    void eachLevelHasItsEvent() {
        assertThat(NotificationLevel.RUNNING.event()).isEqualTo("run.started");
        assertThat(NotificationLevel.COMPLETED.event()).isEqualTo("run.completed");
        assertThat(NotificationLevel.WARNING.event()).isEqualTo("run.warning");
        assertThat(NotificationLevel.ERROR.event()).isEqualTo("run.failed");
    }

    @Test
    void readsBackWhatItWritesIgnoringFieldsItDoesNotKnow() {
        Notification notification = Notifications.failed();
        assertThat(NotificationJson.read(NotificationJson.write(notification))).isEqualTo(notification);

        String withMore = NotificationJson.write(Notifications.completed()).replace("{", "{\"added_later\":[1,2],");
        assertThat(NotificationJson.read(withMore)).isEqualTo(Notifications.completed());
    }

    @Test
    void saysWhatIsWrongWithABody() {
        assertThatThrownBy(() -> NotificationJson.read("{")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> NotificationJson.read("[]")).hasMessageContaining("is a JSON object");
        String noId = NotificationJson.write(Notifications.failed()).replace("\"id\":17,", "");
        assertThatThrownBy(() -> NotificationJson.read(noId)).hasMessageContaining("no `id`");
        String badLevel = NotificationJson.write(Notifications.failed()).replace("\"ERROR\"", "\"FATAL\"");
        assertThatThrownBy(() -> NotificationJson.read(badLevel)).hasMessageContaining("`level` is `FATAL`");
    }
}
