package tech.brokerbridge.launcher.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The systemd unit's and the launchd plist's content (the unit is also run through systemd-analyze, in ServiceCommandTest). */
class ServiceDefinitionTest {
    private static final ServiceSpec SPEC = new ServiceSpec(List.of("/opt/brokerbridge/bin/brokerbridge"),
            Path.of("/home/ann/.brokerbridge"), Path.of("/home/ann/.brokerbridge/service.env"), 40);

    @Test
    void theUnitRestartsOnFailureOnlyTreatsSigtermAsSuccessAndIsSandboxed() {
        String unit = SystemdUnit.render(SPEC);
        for (String line : List.of("ExecStart=\"/opt/brokerbridge/bin/brokerbridge\" \"serve\"",
                "Restart=on-failure", "SuccessExitStatus=143", "RestartPreventExitStatus=2", "TimeoutStopSec=40",
                "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectSystem=strict",
                "ReadWritePaths=\"/home/ann/.brokerbridge\"", "UMask=0077",
                "Environment=\"BROKERBRIDGE_HOME=/home/ann/.brokerbridge\"",
                "EnvironmentFile=-/home/ann/.brokerbridge/service.env", "WantedBy=default.target")) {
            assertTrue(unit.lines().anyMatch(line::equals), () -> "no line " + line + " in\n" + unit);
        }
        assertEquals(1, unit.lines().filter(l -> l.startsWith("Environment=")).count(), unit);
    }

    @Test
    void unitWordsAreQuotedAndEscapedForSystemd() {
        ServiceSpec odd = new ServiceSpec(List.of("/opt/my apps/bb\"x", "-Dp=%h$HOME"), Path.of("/home/a b/100%"),
                Path.of("/home/a b/100%/service.env"), 40);
        String unit = SystemdUnit.render(odd);
        assertTrue(unit.contains("ExecStart=\"/opt/my apps/bb\\\"x\" \"-Dp=%%h$$HOME\" \"serve\""), unit);
        assertTrue(unit.contains("ReadWritePaths=\"/home/a b/100%%\""), unit);
        assertTrue(unit.contains("EnvironmentFile=-/home/a b/100%%/service.env"), unit);
    }

    @Test
    void thePlistIsWellFormedStartsAtLoginAndKeepsSecretsOutOfItself() throws Exception {
        String plist = LaunchdAgent.render(SPEC);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element dict = (Element) factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(plist.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement().getElementsByTagName("dict").item(0);
        assertEquals("tech.brokerbridge.desk", valueOf(dict, "Label").getTextContent());
        assertEquals("true", valueOf(dict, "RunAtLoad").getNodeName());
        Element keepAlive = (Element) valueOf(dict, "KeepAlive");
        assertEquals("false", valueOf(keepAlive, "SuccessfulExit").getNodeName(), "restarted only after a failure");
        assertEquals("63", valueOf(dict, "Umask").getTextContent());
        List<String> args = strings(valueOf(dict, "ProgramArguments"));
        assertEquals(List.of("/bin/sh", "-c", LaunchdAgent.WRAPPER, "/home/ann/.brokerbridge/service.env",
                "/opt/brokerbridge/bin/brokerbridge", "serve"), args);
        Element env = (Element) valueOf(dict, "EnvironmentVariables");
        assertEquals(List.of("BROKERBRIDGE_HOME"), keys(env), "only the data directory, no secret");
    }

    @Test
    void theLauncherIsTheInstalledAppWhenThereIsOne() {
        assertEquals(List.of("/opt/brokerbridge/bin/brokerbridge"), LauncherCommand.current(java.util.Map.of(
                LauncherCommand.APP_PATH_PROPERTY, "/opt/brokerbridge/bin/brokerbridge", "java.home", "/jdk")));
        List<String> dev = LauncherCommand.current(java.util.Map.of("java.home", "/jdk", "java.class.path", "cp"));
        assertEquals("/jdk/bin/java", dev.get(0));
        assertEquals(tech.brokerbridge.launcher.Main.class.getName(), dev.get(dev.size() - 1));
    }

    private static Node valueOf(Element dict, String key) {
        NodeList children = dict.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element e && e.getTagName().equals("key") && e.getTextContent().equals(key)) {
                Node v = n.getNextSibling();
                while (!(v instanceof Element)) {
                    v = v.getNextSibling();
                }
                return v;
            }
        }
        throw new AssertionError("no key " + key);
    }

    private static List<String> strings(Node array) {
        List<String> out = new ArrayList<>();
        NodeList l = ((Element) array).getElementsByTagName("string");
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i).getTextContent());
        }
        return out;
    }

    private static List<String> keys(Element dict) {
        List<String> out = new ArrayList<>();
        NodeList l = dict.getElementsByTagName("key");
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i).getTextContent());
        }
        return out;
    }
}
