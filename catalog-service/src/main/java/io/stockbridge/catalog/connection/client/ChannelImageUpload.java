package io.stockbridge.catalog.connection.client;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.PartFilename;
import org.jboss.resteasy.reactive.PartType;

/** The channel's image upload form: the file in {@code data}, and what it is for. */
public class ChannelImageUpload {
  @FormParam("data")
  @PartType(MediaType.APPLICATION_OCTET_STREAM)
  @PartFilename("image")
  public byte[] data;

  @FormParam("use_case")
  @PartType(MediaType.TEXT_PLAIN)
  public String useCase;

  public static ChannelImageUpload mainImage(byte[] data) {
    ChannelImageUpload form = new ChannelImageUpload();
    form.data = data;
    form.useCase = "MAIN_IMAGE";
    return form;
  }
}
