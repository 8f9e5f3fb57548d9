package com.stadium.quota.portal.importing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.stadium.quota.portal.importing.ImportClient.ImportSummary;
import com.stadium.quota.portal.importing.ImportClient.ImportView;

import io.quarkus.oidc.AccessTokenCredential;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads imports without blocking, with the signed-in admin's token taken when asked: several at once for the history,
 * and one over and over for the progress stream, whose later reads run outside the request.
 */
@ApplicationScoped
public class ImportReader {

    private static final Logger LOG = Logger.getLogger(ImportReader.class);

    @Inject
    @RestClient
    ImportProgressClient imports;

    @Inject
    AccessTokenCredential accessToken;

    @Inject
    ProgressStream stream;

    /** The quotas each confirmed import created, read all at once; an import not read (in time) is absent. */
    public Map<UUID, Integer> quotasCreated(List<ImportSummary> confirmed) {
        if (confirmed.isEmpty()) {
            return Map.of();
        }
        String bearer = bearer();
        List<Uni<Optional<ImportView>>> reads = confirmed.stream().map(s -> read(s.id(), bearer)).toList();
        try {
            return Uni.join().all(reads).andFailFast().await().atMost(Duration.ofSeconds(10)).stream()
                    .flatMap(Optional::stream).collect(Collectors.toMap(ImportView::id,
                            v -> v.created() == null ? 0 : v.created().size(), (a, b) -> a));
        } catch (RuntimeException e) {
            // too slow: the history shows its lines without the counts rather than failing
            LOG.warnf("the imports' quota counts were not read in time: %s", e.getMessage());
            return Map.of();
        }
    }

    /**
     * The import read every interval until nothing changes by itself any more (that last reading included), for at
     * most the stream's length. A read that fails is skipped.
     */
    public Multi<ImportView> follow(UUID importId) {
        String bearer = bearer();
        return Multi.createBy().repeating().uni(() -> read(importId, bearer)).withDelay(stream.interval())
                .whilst(view -> view.isEmpty() || !ImportReport.settled(view.get()))
                .select().first(stream.maxLength()).filter(Optional::isPresent).map(Optional::get);
    }

    private Uni<Optional<ImportView>> read(UUID importId, String bearer) {
        return imports.detail(importId, bearer).map(Optional::of).onFailure()
                .invoke(e -> LOG.debugf("import %s not read: %s", importId, e.getMessage()))
                .onFailure().recoverWithItem(Optional.empty());
    }

    private String bearer() {
        return "Bearer " + accessToken.getToken();
    }
}
