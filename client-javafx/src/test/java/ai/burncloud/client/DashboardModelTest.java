package ai.burncloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DashboardModelTest {
    @Test
    void theTotalsChartsRunningSumIsExactAndKeepsOnlyTheWindow() {
        StringBuilder points = new StringBuilder();
        for (int t = 0; t < DashboardModel.WINDOW_S + 50; t++) {
            points.append(t == 0 ? "" : ",").append("{\"t\":").append(t).append(",\"v\":0.1}");
        }
        var answer = Json.parse("{\"series\":[{\"group\":null,\"points\":[" + points + "]}]}");
        var sum = DashboardModel.cumulative(answer);
        assertThat(sum).hasSize(DashboardModel.WINDOW_S);
        assertThat(sum.get(sum.size() - 1).getXValue()).isEqualTo(649L);
        // 650 × 0.1 exactly: decimal, not floating point
        assertThat(sum.get(sum.size() - 1).getYValue()).isEqualTo(new BigDecimal("65.0"));
    }

    @Test
    void theRpmHistoryCountsTheRequestsOfTheSixtySecondsUpToEachPoint() {
        StringBuilder points = new StringBuilder();
        for (int t = 0; t < 120; t++) {
            points.append(t == 0 ? "" : ",").append("{\"t\":").append(1000 + t).append(",\"v\":2}");
        }
        var answer = Json.parse("{\"series\":[{\"group\":null,\"points\":[" + points + "]}]}");
        var rpm = DashboardModel.perMinute(answer);
        assertThat(rpm.get(0).getYValue()).isEqualTo(2L);
        assertThat(rpm.get(59).getYValue()).isEqualTo(120L);
        assertThat(rpm.get(119).getYValue()).isEqualTo(120L);
    }
}
