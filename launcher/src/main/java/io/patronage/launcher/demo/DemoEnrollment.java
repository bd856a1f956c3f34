package io.patronage.launcher.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patronage.launcher.demo.DemoChain.Person;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Enrolls every demo person over HTTP, once: the members are kept in {@code <data-dir>/demo-members.json}
 * and reused when the launcher restarts on the same data, so balances keep growing.
 */
final class DemoEnrollment {

    private static final String MEMBERS_FILE = "demo-members.json";

    private final DemoClient client;
    private final ObjectMapper json;
    private final Path membersFile;
    private final PrintStream out;
    private final Random random;

    DemoEnrollment(DemoClient client, ObjectMapper json, Path dataDir, PrintStream out, Random random) {
        this.client = client;
        this.json = json;
        this.membersFile = dataDir.resolve(MEMBERS_FILE);
        this.out = out;
        this.random = random;
    }

    List<DemoMember> members(List<DemoChain> chains) throws IOException, InterruptedException {
        if (Files.isRegularFile(membersFile)) {
            List<DemoMember> saved = json.readValue(membersFile.toFile(), new TypeReference<List<DemoMember>>() { });
            if (!saved.isEmpty()) {
                out.println(Demo.PREFIX + "Reusing the " + saved.size() + " members enrolled earlier (" + membersFile + ")");
                return saved;
            }
        }
        List<DemoMember> members = new ArrayList<>();
        for (DemoChain chain : chains) {
            for (Person person : chain.people()) {
                try {
                    JsonNode enrolled = client.enroll(request(chain, person));
                    members.add(new DemoMember(chain.chainId(), enrolled.path("memberId").asText(),
                            enrolled.path("cardNumber").asText(), person.firstName(), person.lastName()));
                } catch (IOException e) {
                    out.println(Demo.PREFIX + "Could not enroll " + person.firstName() + " " + person.lastName()
                            + " at " + chain.chainId() + ": " + e.getMessage());
                }
            }
            out.println(Demo.PREFIX + "Enrolled " + members.stream().filter(m -> m.chainId().equals(chain.chainId())).count()
                    + " members at " + chain.chainId() + " (" + chain.currency() + ", " + chain.locale() + ", "
                    + chain.stores().size() + " stores)");
        }
        if (!members.isEmpty()) {
            Files.createDirectories(membersFile.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(membersFile.toFile(), members);
        }
        return members;
    }

    private Map<String, Object> request(DemoChain chain, Person person) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("chainId", chain.chainId());
        request.put("firstName", person.firstName());
        request.put("lastName", person.lastName());
        request.put("email", person.emailName() + "@" + chain.emailDomain());
        request.put("phone", phone(chain.phonePattern()));
        request.put("birthDate", LocalDate.of(1950, 1, 1).plusDays(random.nextInt(55 * 365)).toString());
        request.put("locale", chain.locale());
        return request;
    }

    private String phone(String pattern) {
        StringBuilder phone = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            phone.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return phone.toString();
    }
}
