package ai.burncloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Runs headless (Monocle, software rendering): see the surefire settings in this module's pom. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainWindow.show(stage, "http://gateway.example:8080");
    }

    @Test
    void theWindowIsTitledBurnCloudAndNamesTheServer(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("BurnCloud");
        assertThat(stage.isShowing()).isTrue();
        Label server = robot.lookup("#" + MainWindow.SERVER_LABEL_ID).queryAs(Label.class);
        assertThat(server.getText()).isEqualTo("Server: http://gateway.example:8080");
        assertThat(robot.lookup(".label").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("BurnCloud");
    }
}
