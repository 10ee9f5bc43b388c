package org.khabar.elasticsearch.analysis;

import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code khabar_decimal_digit}: Lucene's DecimalDigitFilter: any Unicode decimal digit (Arabic-Indic ٠-٩, Persian ۰-۹, …) becomes its ASCII digit, so ٢٠٢٤ meets 2024. */
@NamedComponent("khabar_decimal_digit")
public final class DecimalDigitFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new DecimalDigitFilter(tokenStream);
    }

    /** Also applied to keyword normalizers and wildcard/prefix query terms: it maps one character to one form. */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return create(tokenStream);
    }
}
