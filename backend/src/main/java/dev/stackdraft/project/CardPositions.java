package dev.stackdraft.project;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The canvas positions users gave a project's cards, by node id. */
@Component
class CardPositions {

    private final JdbcClient jdbc;
    private final Clock clock;

    CardPositions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Map<String, CardPosition> of(long projectId) {
        Map<String, CardPosition> positions = new HashMap<>();
        jdbc.sql("select node_id, x, y from card_position where project_id = :project")
                .param("project", projectId)
                .query(rs -> {
                    positions.put(rs.getString("node_id"), new CardPosition(rs.getDouble("x"), rs.getDouble("y")));
                });
        return positions;
    }

    /** Records where the card is now (an update, or an insert the first time; a concurrent first move wins once). */
    void save(long projectId, String nodeId, CardPosition position) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (update(projectId, nodeId, position, now) > 0) {
            return;
        }
        try {
            jdbc.sql("insert into card_position (project_id, node_id, x, y, moved_at) values (?, ?, ?, ?, ?)")
                    .params(projectId, nodeId, position.x(), position.y(), now).update();
        } catch (DuplicateKeyException raced) {
            update(projectId, nodeId, position, now);
        }
    }

    private int update(long projectId, String nodeId, CardPosition position, OffsetDateTime now) {
        return jdbc.sql("update card_position set x = ?, y = ?, moved_at = ? where project_id = ? and node_id = ?")
                .params(position.x(), position.y(), now, projectId, nodeId).update();
    }
}
