package org.havewemet.triage.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformProfilesTest {

    @Test
    void defaultProfilesShouldCoverEveryNetworkAndTwelveLinkedInLanguages() {
        PlatformProfiles profiles = PlatformProfiles.loadDefault();

        assertThat(profiles.platforms()).extracting(CompiledProfile::id).contains("linkedin", "facebook", "xing", "plaxo",
                "googleplus", "twitter", "hi5", "orkut", "friendster", "mendeley", "netlog", "perfspot", "tagged", "vk",
                "wegame", "konnects", "googletalk");
        assertThat(profiles.byId("linkedin").orElseThrow().profile().defaultNotes())
                .containsKeys("en", "es", "fr", "de", "pt", "it", "nl", "id", "pl", "tr", "sv", "ja");
    }

    @Test
    void overrideFileShouldBeLoadedWithItsOwnPlatforms(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platforms.yaml");
        Files.writeString(file, """
                platforms:
                  - id: examplenet
                    senderDomains: [examplenet.test]
                    events:
                      invitation: ['wants to link up']
                    defaultNotes:
                      en: ["Let's link up on ExampleNet."]
                """);

        PlatformProfiles profiles = PlatformProfiles.load(file);

        assertThat(profiles.platforms()).extracting(CompiledProfile::id).containsExactly("examplenet");
        assertThat(profiles.byId("examplenet").orElseThrow().isSenderDomain("mail.examplenet.test")).isTrue();
    }

    @Test
    void unknownKeyShouldBeRejectedWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platforms.yaml");
        Files.writeString(file, "platforms:\n  - id: x\n    senderDomain: [typo.test]\n");

        assertThatThrownBy(() -> PlatformProfiles.load(file)).hasMessageContaining("senderDomain");
    }

    @Test
    void removedGenericCuesShouldBeRejectedAsUnknownKeys(@TempDir Path dir) throws IOException {
        // The note judge's cues live in judge/cues/<lang>.yaml; an override still carrying the old blocks must say so.
        Path file = dir.resolve("platforms.yaml");
        Files.writeString(file, "generic:\n  languageCues:\n    de:\n      how: [' kennengelernt ']\nplatforms: []\n");

        assertThatThrownBy(() -> PlatformProfiles.load(file)).hasMessageContaining("languageCues");
    }

    @Test
    void invalidPatternShouldBeRejectedNamingThePlatform(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platforms.yaml");
        Files.writeString(file, "platforms:\n  - id: broken\n    namePatterns: ['(?P<name>unclosed']\n");

        assertThatThrownBy(() -> PlatformProfiles.load(file)).hasMessageContaining("platform broken");
    }

    @Test
    void backreferencesShouldBeRejectedBecausePatternsMustRunInLinearTime(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platforms.yaml");
        Files.writeString(file, "platforms:\n  - id: slow\n    footers: ['(a+)\\1']\n");

        assertThatThrownBy(() -> PlatformProfiles.load(file)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void displayNameShouldClaimABrandOnlyWhenItSpeaksForThePlatform() {
        List<String> linkedin = List.of("linkedin");
        List<String> vk = List.of("vk", "vkontakte");

        assertThat(BrandNames.claims("LINKEDIN", linkedin)).isTrue();
        assertThat(BrandNames.claims("LinkedIn Invitations", linkedin)).isTrue();
        assertThat(BrandNames.claims("Linkedin Bulletin", linkedin)).isTrue();
        assertThat(BrandNames.claims("Anna Berg via LinkedIn", linkedin)).isTrue();
        assertThat(BrandNames.claims("LinkedIn Users Lyon", linkedin)).isFalse();
        assertThat(BrandNames.claims("VK Sharma", vk)).isFalse();
        assertThat(BrandNames.claims("VK", vk)).isTrue();
    }

    @Test
    void registrableDomainShouldFollowThePublicSuffixList() {
        assertThat(Hosts.registrable("bounce.linnkedin.com")).contains("linnkedin.com");
        assertThat(Hosts.registrable("www.example.co.uk")).contains("example.co.uk");
        assertThat(Hosts.label("mail.faceb00k-mail.test")).contains("faceb00k-mail");
        assertThat(Hosts.isReserved("hidden.invalid")).isTrue();
    }
}
