-- Paragon schema, part 30: which command of which device a change row completes (docs/protocol.md
-- "Stream", "by"). Set on the last change row a command wrote in a space, NULL on its other rows and
-- on rows written before this migration: with that row, the command, and so (a device's commands
-- apply in order) every earlier command of the device, is entirely in the space's changes. The stream
-- tells the device that sent the command, so its preview stops applying what the server already holds.
ALTER TABLE changes ADD COLUMN device_id ${long};
ALTER TABLE changes ADD COLUMN n ${long};
