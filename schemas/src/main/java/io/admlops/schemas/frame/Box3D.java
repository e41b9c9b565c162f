package io.admlops.schemas.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A 3D box in camera coordinates, KITTI convention: x right, y down, z forward, in meters;
 * (x, y, z) is the center of the box's bottom face; yaw is the rotation around the camera's
 * y axis ({@code rotation_y}, radians, 0 = facing the camera's x axis).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Box3D(double x, double y, double z, double length, double width, double height,
    double yaw) {}
