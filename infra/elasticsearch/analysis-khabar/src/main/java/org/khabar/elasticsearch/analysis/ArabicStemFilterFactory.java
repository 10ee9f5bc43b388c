package org.khabar.elasticsearch.analysis;

import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code khabar_arabic_stem}: Lucene's light ArabicStemFilter: strips the prefixes ال وال بال كال فال لل و and common suffixes, so والكرملين and للكرملين meet الكرملين. Expects normalised input. */
@NamedComponent("khabar_arabic_stem")
public final class ArabicStemFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ArabicStemFilter(tokenStream);
    }
}
