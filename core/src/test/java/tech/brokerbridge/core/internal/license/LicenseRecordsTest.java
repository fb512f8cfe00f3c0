package tech.brokerbridge.core.internal.license;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.fakes.InMemoryJournal;

class LicenseRecordsTest {
    static final Instant AT = Instant.parse("2026-01-05T15:00:00Z");

    @Test
    void everyAnswerAndAnOutageSurviveTheJournal() {
        InMemoryJournal journal = new InMemoryJournal();
        LicenseRecords records = new LicenseRecords(journal);
        List<LicenseEvidence.Answer> answers = List.of(
                new LicenseEvidence.Found(AT, "past_due", Optional.of("inst;=&x"), Optional.of(AT.plusSeconds(9))),
                new LicenseEvidence.Found(AT, "active", Optional.empty(), Optional.empty()),
                new LicenseEvidence.NotFound(AT), new LicenseEvidence.KeyRefused(AT));
        LicenseEvidence.Outage outage = new LicenseEvidence.Outage(AT, AT.plusSeconds(60),
                "could not connect; reason=with \u00e9 & signs");
        for (LicenseEvidence.Answer a : answers) {
            records.save(Optional.of(a), Optional.of(outage));
            assertEquals(Optional.of(a), records.answer());
            assertEquals(Optional.of(outage), records.outage());
        }
        records.save(Optional.empty(), Optional.empty());
        assertEquals(Optional.empty(), records.answer());
        assertEquals(Optional.empty(), records.outage());
    }

    @Test
    void damagedRecordsReadAsAbsent() {
        InMemoryJournal journal = new InMemoryJournal();
        LicenseRecords records = new LicenseRecords(journal);
        for (String damaged : List.of("garbage", "at=yesterday;kind=found;status=active", "at=" + AT + ";kind=alien",
                "at=" + AT + ";kind=found", "=x")) {
            journal.putSetting(LicenseRecords.ANSWER, damaged);
            journal.putSetting(LicenseRecords.OUTAGE, damaged);
            assertEquals(Optional.empty(), records.answer(), damaged);
            assertEquals(Optional.empty(), records.outage(), damaged);
        }
    }
}
