package org.khabar.elasticsearch.analysis;

import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code khabar_porter_stem}: Lucene's PorterStemFilter (expects lowercase input): talks, talking and talked all become talk. */
@NamedComponent("khabar_porter_stem")
public final class PorterStemFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PorterStemFilter(tokenStream);
    }
}
