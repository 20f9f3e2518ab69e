package org.codomyrmex.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The comma lists of name=value read as OpenTelemetry reads OTEL_EXPORTER_OTLP_HEADERS. */
class KeyValuesTest {
  private static final String KEY = "tracing.exporter.otlp.headers";

  private static Map<String, String> parse(String text) {
    return KeyValues.parse(KEY, text);
  }

  @Test
  void pairsAreTrimmedAndKeepTheirOrder() {
    assertThat(parse(" b = 2 , a=1,c= three words "))
        .containsExactly(Map.entry("b", "2"), Map.entry("a", "1"), Map.entry("c", "three words"));
  }

  @Test
  void aValueIsSplitFromItsNameAtTheFirstEquals() {
    assertThat(parse("Authorization=Basic dXNlcjpwYXNz==,q=a=b"))
        .containsEntry("Authorization", "Basic dXNlcjpwYXNz==")
        .containsEntry("q", "a=b");
  }

  @Test
  void percentEncodingIsDecodedAsUtf8AndPlusStaysAPlus() {
    assertThat(parse("Authorization=Bearer%20a+b%2Cc,city=Z%C3%BCrich,n%61me=x"))
        .containsEntry("Authorization", "Bearer a+b,c")
        .containsEntry("city", "Zürich")
        .containsEntry("name", "x");
  }

  @Test
  void doubleQuotesAroundAValueAreRemovedAndMayHoldCommas() {
    assertThat(parse("a=\"x, y\",b=\"\",c=say \"hi\" there"))
        .containsEntry("a", "x, y")
        .containsEntry("b", "")
        .containsEntry("c", "say \"hi\" there");
  }

  @Test
  void emptyValuesAreKeptAndEmptyEntriesSkipped() {
    assertThat(parse(",a=,, b=1 ,")).containsExactly(Map.entry("a", ""), Map.entry("b", "1"));
    assertThat(parse("")).isEmpty();
    assertThat(parse(null)).isEmpty();
  }

  @Test
  void aLaterDuplicateWins() {
    assertThat(parse("a=1,a=2")).containsExactly(Map.entry("a", "2"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "novalue",
        "a=1,secret-without-equals",
        "=secretvalue",
        "a=secret%2",
        "a=secret%zzvalue",
        "a=\"secret,value"
      })
  void malformedListsFailNamingTheKeyButNeverQuotingAValue(String text) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(KEY + ": ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }
}
