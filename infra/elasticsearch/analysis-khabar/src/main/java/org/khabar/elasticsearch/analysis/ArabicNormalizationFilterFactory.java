package org.khabar.elasticsearch.analysis;

import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code khabar_arabic_normalization}: Lucene's ArabicNormalizationFilter: folds alef with hamza (أ إ آ) to bare alef, teh marbuta to heh, alef maksura to yeh, drops tatweel and harakat. */
@NamedComponent("khabar_arabic_normalization")
public final class ArabicNormalizationFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ArabicNormalizationFilter(tokenStream);
    }

    /** Also applied to keyword normalizers and wildcard/prefix query terms: it maps one character to one form. */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return create(tokenStream);
    }
}
