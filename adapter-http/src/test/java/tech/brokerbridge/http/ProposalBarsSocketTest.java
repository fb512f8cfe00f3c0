package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.TestServer;

class ProposalBarsSocketTest {
    @Test
    void aProposalsBarsAreItsChartData() throws Exception {
        try (TestServer s = TestServer.start()) {
            HttpResponse<String> r = s.get("/api/proposals/" + StubDesk.ID + "/bars");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode j = new ObjectMapper().readTree(r.body());
            assertEquals(StubDesk.ID, j.get("proposal_id").asText());
            assertEquals(3, j.get("bars").size());
            JsonNode first = j.get("bars").get(0);
            assertEquals("2026-02-27T14:30:00Z", first.get("time").asText());
            assertEquals("101.5", first.get("high").toString());
            assertEquals(1000000, first.get("volume").asLong());
            assertEquals(404, s.get("/api/proposals/prp-000000000000/bars").statusCode());
            assertEquals(404, s.get("/api/proposals/nope/bars").statusCode());
        }
    }
}
