package dev.fleetpanel.panel.server;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named group of servers; folders are shown in {@code position} order. */
@Entity
@Table(name = "folders")
public class Folder {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String name;

  @Column(nullable = false)
  private int position;

  protected Folder() {}

  Folder(String name, int position) {
    this.name = name;
    this.position = position;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public int position() {
    return position;
  }

  void rename(String name) {
    this.name = name;
  }

  void position(int position) {
    this.position = position;
  }
}
